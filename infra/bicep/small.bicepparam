// A small cluster for trying things out: 2 silos of 1 vCPU / 2 GiB, locally redundant storage, 30 days of logs.
// The image comes from the environment: HARMONYSIM_IMAGE (and HARMONYSIM_REGISTRY for an ACR in the resource group).
using 'main.bicep'

param image = readEnvironmentVariable('HARMONYSIM_IMAGE', 'harmonysim-silo:latest')
param registryName = readEnvironmentVariable('HARMONYSIM_REGISTRY', '')
param replicas = 2
param cpu = '1'
param storageSku = 'Standard_LRS'
param logRetentionDays = 30
param publicDashboard = false
