<#-- Keeps secret files out of git: everything in this directory is ignored but this file. -->
*
!.gitignore
