// HarmonySim on Azure: an Orleans silo cluster on Container Apps, membership and grain state in a Storage account
// reached with a managed identity (no keys), logs in Log Analytics, telemetry in Application Insights.
// Steps and costs: docs/DEPLOY.md. Parameter files: small.bicepparam, large.bicepparam.

targetScope = 'resourceGroup'

@description('Azure region (default: the resource group\'s).')
param location string = resourceGroup().location

@description('Prefix of every resource name (lowercase letters, digits and dashes).')
@minLength(3)
@maxLength(16)
param namePrefix string = 'harmonysim'

@description('Silo container image (built from the repository\'s Dockerfile).')
param image string

@description('An Azure Container Registry in this resource group holding the image, or empty for a public image.')
param registryName string = ''

@description('Silos in the cluster.')
@minValue(1)
@maxValue(30)
param replicas int = 2

@description('vCPU per silo, as text: 0.5, 1, 2 or 4 (Consumption profile).')
@allowed([
  '0.5'
  '1'
  '2'
  '4'
])
param cpu string = '1'

@description('Orleans cluster id.')
param clusterId string = 'harmonysim'

@description('Orleans service id.')
param serviceId string = 'harmonysim'

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param storageSku string = 'Standard_LRS'

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Expose the dashboard port to the internet.')
param publicDashboard bool = false

var tags = {
  application: 'harmonysim'
}
// Consumption workload profile: 2 GiB of memory per vCPU.
var memory = {
  '0.5': '1Gi'
  '1': '2Gi'
  '2': '4Gi'
  '4': '8Gi'
}[cpu]
// Names known before deployment (what-if can then predict every resource that uses them).
var insightsName = '${namePrefix}-insights'
// Storage account names are global: a stable suffix derived from the resource group keeps redeployments idempotent.
var storageAccountName = take('${replace(namePrefix, '-', '')}${uniqueString(resourceGroup().id)}', 24)

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: namePrefix
    insightsName: insightsName
    retentionDays: logRetentionDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    accountName: storageAccountName
    sku: storageSku
    tags: tags
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  // The account is passed by name (known before deployment), so the dependency is stated.
  dependsOn: [
    storage
  ]
  params: {
    location: location
    namePrefix: namePrefix
    storageAccountName: storageAccountName
    registryName: registryName
    tags: tags
  }
}

module silo 'modules/siloApp.bicep' = {
  name: 'silo'
  params: {
    location: location
    namePrefix: namePrefix
    image: image
    registryServer: identity.outputs.registryServer
    replicas: replicas
    cpu: cpu
    memory: memory
    clusterId: clusterId
    serviceId: serviceId
    publicDashboard: publicDashboard
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tableEndpoint: storage.outputs.tableEndpoint
    blobEndpoint: storage.outputs.blobEndpoint
    workspaceId: monitoring.outputs.workspaceId
    insightsName: insightsName
    tags: tags
  }
}

output storageAccount string = storage.outputs.accountName
output tableEndpoint string = storage.outputs.tableEndpoint
output blobEndpoint string = storage.outputs.blobEndpoint
output siloIdentityClientId string = identity.outputs.clientId
output dashboardFqdn string = silo.outputs.fqdn
