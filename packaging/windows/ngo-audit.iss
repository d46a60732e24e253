; Inno Setup 6 script: the ngo-audit installer for Windows 10/11 (64-bit).
;
;   python packaging\build.py --zip                      (the bundle: build\dist\ngo-audit\)
;   iscc /DAppVersion=0.1.0 packaging\windows\ngo-audit.iss
;
; -> build\installer\ngo-audit-0.1.0-setup.exe
;
; Per user, no administrator rights: the program goes to %LOCALAPPDATA%\Programs\ngo-audit,
; the Start-menu entry and the file associations to the user's part of the registry (HKCU),
; so an NGO office PC whose staff are not administrators can install and update it.
; Settings, the signing key and the logs live in %LOCALAPPDATA%\ngo-audit and stay when the
; program is uninstalled (the signing key must not vanish with an uninstall); audit files are
; wherever the user saved them and are never touched.
;
; Built by .github/workflows/windows-installer.yml on a Windows runner.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "ngo-audit"
#define Bundle "..\..\build\dist\ngo-audit"
#define Icons "{app}\_internal\resources\icons\app"

[Setup]
; The AppId identifies the installation for updates and the uninstaller: never change it.
AppId={{6E4B1C2A-8D1F-4F5B-9A57-2C1B7E0D4A31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ngo-audit
AppComments=第三方环境监督 · Third-party environmental supervision by NGOs
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\..\resources\icons\app\app.ico
UninstallDisplayIcon={app}\ngo-audit.exe
UninstallDisplayName={#AppName}
LicenseFile=..\licenses\NOTICE.txt
OutputDir=..\..\build\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh.AuditFile=ngo-audit 审计文件
en.AuditFile=ngo-audit audit file
zh.SealedPackage=ngo-audit 封存送审包
en.SealedPackage=ngo-audit sealed package
zh.ReviewFile=ngo-audit 审阅意见
en.ReviewFile=ngo-audit review comments
zh.Licences=许可协议
en.Licences=Licences
zh.DesktopIcon=在桌面上创建快捷方式
en.DesktopIcon=Create a desktop shortcut
zh.StartNow=启动 ngo-audit
en.StartNow=Start ngo-audit

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the program folder's libraries: no file of an older version may linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\ngo-audit.exe"; WorkingDir: "{userdocs}"
Name: "{autoprograms}\{#AppName} {cm:Licences}"; Filename: "{app}\licenses"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\ngo-audit.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; File associations for this user (HKA = HKCU with PrivilegesRequired=lowest), each with its own icon.
; OpenWithProgids, not the default value of .ext: ngo-audit is offered without taking the extension
; away from another program; Windows asks once which program to use when there are several.
Root: HKA; Subkey: "Software\Classes\.ngoaudit\OpenWithProgids"; ValueType: string; ValueName: "ngo-audit.AuditFile"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ngo-audit.AuditFile"; ValueType: string; ValueName: ""; ValueData: "{cm:AuditFile}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ngo-audit.AuditFile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{#Icons}\ngoaudit.ico"
Root: HKA; Subkey: "Software\Classes\ngo-audit.AuditFile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ngo-audit.exe"" ""%1"""

Root: HKA; Subkey: "Software\Classes\.ngoseal\OpenWithProgids"; ValueType: string; ValueName: "ngo-audit.SealedPackage"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ngo-audit.SealedPackage"; ValueType: string; ValueName: ""; ValueData: "{cm:SealedPackage}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ngo-audit.SealedPackage\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{#Icons}\ngoseal.ico"
Root: HKA; Subkey: "Software\Classes\ngo-audit.SealedPackage\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ngo-audit.exe"" ""%1"""

Root: HKA; Subkey: "Software\Classes\.ngoreview\OpenWithProgids"; ValueType: string; ValueName: "ngo-audit.ReviewFile"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ngo-audit.ReviewFile"; ValueType: string; ValueName: ""; ValueData: "{cm:ReviewFile}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ngo-audit.ReviewFile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{#Icons}\ngoreview.ico"
Root: HKA; Subkey: "Software\Classes\ngo-audit.ReviewFile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\ngo-audit.exe"" ""%1"""

; "Open with" lists the program by its name and icon.
Root: HKA; Subkey: "Software\Classes\Applications\ngo-audit.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "ngo-audit"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\ngo-audit.exe\SupportedTypes"; ValueType: string; ValueName: ".ngoaudit"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\ngo-audit.exe\SupportedTypes"; ValueType: string; ValueName: ".ngoseal"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\ngo-audit.exe\SupportedTypes"; ValueType: string; ValueName: ".ngoreview"; ValueData: ""

[Run]
Filename: "{app}\ngo-audit.exe"; Description: "{cm:StartNow}"; Flags: nowait postinstall skipifsilent
