// Practice Hub on Azure: one storage account (tables + queues), a Linux Web App (Node 20) that
// runs the service and serves the tab, a user-assigned managed identity that is the bot's app
// identity (UserAssignedMSI: no bot client secret anywhere), and the Azure Bot with its Teams
// channel.
//
// Deploy: az deployment group create -g <group> -f infra/azure.bicep -p infra/azure.parameters.json
//   -p submissionKeySecret=<the same long random value every time>

@description('Short name used in every resource name, e.g. practice-hub-dev.')
@minLength(3)
@maxLength(24)
param resourceBaseName string

@description('Region of the storage account and Web App.')
param location string = resourceGroup().location

@description('App Service plan SKU; B1 is the smallest that supports Always On.')
param webAppSku string = 'B1'

@description('Entra ID application (client) id of the tab SSO app registration.')
param entraClientId string

@description('Application ID URI of the tab SSO app registration, e.g. api://<host>/<client id>.')
param entraAppIdUri string

@description('Teams app id from the manifest; used for deep links in cards.')
param teamsAppId string

@description('Display name of the bot in the Azure portal and Teams.')
param botDisplayName string = 'Practice Hub'

@description('Keys the ids of retro entries: a long random value (openssl rand -base64 48), the same on every deployment.')
@secure()
@minLength(32)
param submissionKeySecret string

var storageAccountName = toLower(take(replace('${resourceBaseName}st', '-', ''), 24))
var tenantId = subscription().tenantId

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // config.ts reads STORAGE_CONNECTION_STRING, so the Web App uses an account key for now.
    allowSharedKeyAccess: true
    supportsHttpsTrafficOnly: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node bot/dist/server.js'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/healthz'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'AUTH_MODE', value: 'entra' }
        { name: 'PUBLIC_BASE_URL', value: 'https://${resourceBaseName}.azurewebsites.net' }
        {
          name: 'STORAGE_CONNECTION_STRING'
          value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
        }
        { name: 'ENTRA_CLIENT_ID', value: entraClientId }
        { name: 'ENTRA_APP_ID_URI', value: entraAppIdUri }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'SUBMISSION_KEY_SECRET', value: submissionKeySecret }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: tenantId }
        { name: 'WEBSITE_NODE_DEFAULT_VERSION', value: '~20' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Host name of the Web App: TAB_DOMAIN in env/.env.<name>.')
output webAppHostName string = webApp.properties.defaultHostName

@description('The bot app id (the managed identity client id): BOT_ID in env/.env.<name>.')
output botId string = identity.properties.clientId

output storageAccountName string = storage.name
