// A large cluster for big scenarios: 10 silos of 4 vCPU / 8 GiB, zone-redundant storage, 90 days of logs.
// The image comes from the environment: HARMONYSIM_IMAGE (and HARMONYSIM_REGISTRY for an ACR in the resource group).
using 'main.bicep'

param image = readEnvironmentVariable('HARMONYSIM_IMAGE', 'harmonysim-silo:latest')
param registryName = readEnvironmentVariable('HARMONYSIM_REGISTRY', '')
param replicas = 10
param cpu = '4'
param storageSku = 'Standard_ZRS'
param logRetentionDays = 90
param publicDashboard = false
