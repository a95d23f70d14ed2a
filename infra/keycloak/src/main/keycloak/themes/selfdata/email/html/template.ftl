<#-- The layout of every HTML mail: the city's name in its colours above Keycloak's own text. "city" is set by
     the selfdata e-mail provider from the portal client, its values already checked (colours #rgb/#rrggbb, logo
     an http(s) or root-relative URL); without a city, the platform's name and colours. -->
<#macro emailLayout>
<#assign primary = (city.primaryColor)!"#1f4e79">
<html lang="${locale.language}" dir="${(ltr)?then('ltr','rtl')}">
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1d1d1b">
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7">
    <tr><td align="center" style="padding:24px 12px">
      <table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-top:6px solid ${primary}">
        <tr><td id="selfdata-city" style="padding:20px 24px 0 24px;font-size:22px;font-weight:bold;color:${primary}">
          <#if (city.logoUrl)?has_content><img src="${city.logoUrl}" alt="" height="40" style="vertical-align:middle;margin-right:8px"></#if>${realmName}
        </td></tr>
        <tr><td style="padding:8px 24px 24px 24px;font-size:16px;line-height:1.5">
          <#nested>
        </td></tr>
      </table>
    </td></tr>
  </table>
</body>
</html>
</#macro>
