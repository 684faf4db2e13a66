// The Container Apps environment and the silo app: a fixed number of replicas, each one Orleans silo that finds the
// others through the membership table and talks to them directly on the silo port inside the environment.

@description('Azure region.')
param location string

@description('Prefix of every resource name.')
param namePrefix string

@description('Silo container image, e.g. myregistry.azurecr.io/harmonysim-silo:1.0.')
param image string

@description('Registry login server to pull with the identity, or empty for a public image.')
param registryServer string

@description('Silos in the cluster (replicas; fixed, not autoscaled: a silo leaving moves its grains).')
@minValue(1)
@maxValue(30)
param replicas int

@description('vCPU per silo, as text (Consumption: 0.25 to 4).')
param cpu string

@description('Memory per silo (Consumption: 2 GiB per vCPU, e.g. 2Gi for 1 vCPU).')
param memory string

@description('Orleans cluster id: silos with the same id (and service id) form one cluster.')
param clusterId string

@description('Orleans service id: stays the same across deployments of one service, so its grain state stays readable.')
param serviceId string

@description('Expose the dashboard port (8080) to the internet; otherwise only inside the environment.')
param publicDashboard bool

param identityId string
param identityClientId string
param tableEndpoint string
param blobEndpoint string
param workspaceId string
param insightsName string
param tags object

var siloPort = 11111
var gatewayPort = 30000
var dashboardPort = 8080

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${namePrefix}-env'
  location: location
  tags: tags
  properties: {
    // Logs go to Azure Monitor and from there (diagnostic setting below) to the workspace: no workspace key needed.
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
  }
}

resource environmentLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: environment
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

resource silo 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${namePrefix}-silo'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: publicDashboard
        targetPort: dashboardPort
        transport: 'auto'
        // Orleans clients in the environment reach the gateways at the addresses in the membership table; the
        // mapping documents the port and opens it to the environment.
        additionalPortMappings: [
          {
            external: false
            targetPort: gatewayPort
          }
        ]
      }
      registries: empty(registryServer) ? [] : [
        {
          server: registryServer
          identity: identityId
        }
      ]
      secrets: [
        {
          name: 'appinsights-connection'
          value: insights.properties.ConnectionString
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'silo'
          image: image
          args: [
            'silo'
          ]
          resources: {
            cpu: json(cpu)
            memory: memory
          }
          env: [
            { name: 'HARMONYSIM_Storage__Provider', value: 'azure' }
            { name: 'HARMONYSIM_Storage__TableEndpoint', value: tableEndpoint }
            { name: 'HARMONYSIM_Storage__BlobEndpoint', value: blobEndpoint }
            { name: 'HARMONYSIM_Cluster__ClusterId', value: clusterId }
            { name: 'HARMONYSIM_Cluster__ServiceId', value: serviceId }
            { name: 'HARMONYSIM_Cluster__SiloPort', value: string(siloPort) }
            { name: 'HARMONYSIM_Cluster__GatewayPort', value: string(gatewayPort) }
            // DefaultAzureCredential picks the user-assigned identity by this id.
            { name: 'AZURE_CLIENT_ID', value: identityClientId }
            // Read by the Azure Monitor / OpenTelemetry exporter.
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', secretRef: 'appinsights-connection' }
            { name: 'OTEL_SERVICE_NAME', value: 'harmonysim-silo' }
          ]
          // The silo is healthy once its gateway accepts connections; the dashboard port is not served by every build.
          probes: [
            {
              type: 'Startup'
              tcpSocket: {
                port: gatewayPort
              }
              initialDelaySeconds: 5
              periodSeconds: 5
              failureThreshold: 24
            }
            {
              type: 'Liveness'
              tcpSocket: {
                port: gatewayPort
              }
              periodSeconds: 10
              failureThreshold: 6
            }
          ]
        }
      ]
      scale: {
        minReplicas: replicas
        maxReplicas: replicas
      }
    }
  }
}

output fqdn string = silo.properties.configuration.ingress.fqdn
output siloPort int = siloPort
