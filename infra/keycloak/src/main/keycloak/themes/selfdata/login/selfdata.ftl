<#--
  A city's branding on its login pages. Onboarding stores it as attributes of the portal client
  portal-{slug}:
    selfdata.displayName     "La Rochelle"
    selfdata.primaryColor    "#0b6e99"   (#rgb or #rrggbb; buttons, links, card top)
    selfdata.secondaryColor  "#f2a900"   (focus ring, hover)
    selfdata.logoUrl         "https://…/logo.svg" or "/…" (optional)
  Anything missing or malformed falls back to the platform's defaults: a value never reaches the page
  unless it matches the expected shape.
-->
<#function attribute key>
  <#if client?? && client.attributes?? && (client.attributes[key])?has_content>
    <#return client.attributes[key]>
  </#if>
  <#return "">
</#function>

<#function colour key fallback>
  <#local value = attribute(key)>
  <#return value?matches("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")?then(value, fallback)>
</#function>

<#function name>
  <#local value = attribute("selfdata.displayName")>
  <#return value?has_content?then(value, (realm.displayName)!"Self Data Territorial")>
</#function>

<#function logoUrl>
  <#local value = attribute("selfdata.logoUrl")>
  <#return value?matches("(https?://|/)[^\\s\"'<>()]*")?then(value, "")>
</#function>

<#macro styles>
    <style id="selfdata-city-colours">
      :root {
        --selfdata-primary: ${colour("selfdata.primaryColor", "#1f4e79")};
        --selfdata-secondary: ${colour("selfdata.secondaryColor", "#2e7d32")};
      }
    </style>
</#macro>

<#macro header>
  <div class="selfdata-city">
    <#if logoUrl()?has_content>
      <img class="selfdata-city__logo" src="${logoUrl()}" alt="${msg("selfdataLogoAlt", name())}">
    </#if>
    <span class="selfdata-city__name">${name()}</span>
  </div>
</#macro>
