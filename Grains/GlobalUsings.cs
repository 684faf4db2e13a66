global using HarmonySim.Grains.Interfaces.Runs;
global using HarmonySim.Simulation.Plans;
global using HarmonySim.Simulation.Results;
