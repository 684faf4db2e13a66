global using HarmonySim.Simulation.Plans;
global using HarmonySim.Simulation.Results;
