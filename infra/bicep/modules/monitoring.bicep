// Log Analytics (container logs) and a workspace-based Application Insights (the silos' traces and metrics).

@description('Azure region.')
param location string

@description('Prefix of every resource name.')
param namePrefix string

@description('Name of the Application Insights component.')
param insightsName string

@description('Days Log Analytics keeps data (30 is included in the price).')
@minValue(30)
@maxValue(730)
param retentionDays int

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry is sent with the connection string; local (key-based) ingestion stays on for the exporter's sake.
    IngestionMode: 'LogAnalytics'
  }
}

output workspaceId string = workspace.id
