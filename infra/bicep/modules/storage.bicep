// The cluster's Storage account: the membership table and grain state (tables and blobs). Shared-key access is
// off: the silos reach it only through their managed identity and the data roles granted in identity.bicep.

@description('Azure region.')
param location string

@description('Globally unique account name: 3-24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param accountName string

@description('Redundancy: Standard_LRS for a test cluster, Standard_ZRS to survive a zone outage.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param sku string

param tags object

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: sku
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

// The names Orleans' providers use by default (Silo/Cluster/ClusterSiloHost.cs); created here so the first silo
// does not race the others to create them.
resource membershipTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: 'OrleansSiloInstances'
}

resource grainStateTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: 'OrleansGrainState'
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource grainStateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'grainstate'
  properties: {
    publicAccess: 'None'
  }
}

output accountName string = account.name
output tableEndpoint string = account.properties.primaryEndpoints.table
output blobEndpoint string = account.properties.primaryEndpoints.blob
