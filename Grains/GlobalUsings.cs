global using HarmonySim.Grains.Interfaces.Runs;
