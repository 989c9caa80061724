# A broken override
FROM [=service.runtimeImage]
<#if service.port>
EXPOSE [=service.port]
