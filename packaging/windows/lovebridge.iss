; LoveBridge for Windows: a per-user installer (no administrator rights needed), built by
; `python packaging/build.py` with Inno Setup 6 from the PyInstaller onedir in dist\lovebridge.
; By hand: iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\lovebridge /DOutputDir=..\..\dist lovebridge.iss

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\lovebridge"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "LoveBridge"
#define AppExe "lovebridge.exe"
; Where LoveBridge keeps the couple's notes, memories, photos and settings (platformdirs).
#define DataDir "{localappdata}\lovebridge"

[Setup]
; The AppId identifies LoveBridge to Windows across versions: never change it.
AppId={{0BB0DCA6-2F36-4CB6-84C9-076B089BA62D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The LoveBridge team
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installer
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
UsedUserAreasWarning=no
DisableProgramGroupPage=yes
DisableDirPage=auto
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\lovebridge.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the whole bundle, so no file of an older version lingers beside the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "app.lovebridge.LoveBridge"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder; the couple's data lives elsewhere (see [Code]).
Type: filesandordirs; Name: "{app}"

[Code]
var
  DeleteUserData: Boolean;

{ Ask, once, whether to delete the couple's own data too. The default answer keeps it: a
  reinstall then finds every note and memory as they left it. Silent uninstalls always keep it. }
function InitializeUninstall(): Boolean;
var
  Folder: String;
begin
  Result := True;
  DeleteUserData := False;
  Folder := ExpandConstant('{#DataDir}');
  if DirExists(Folder) and not UninstallSilent() then
    DeleteUserData := MsgBox(
      'Also delete your LoveBridge notes, memories, photos, backups and settings?' + #13#10 + #13#10 +
      'They are kept in ' + Folder + '.' + #13#10 +
      'Choose No to keep them: if you install LoveBridge again, everything will be as you left it.',
      mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteUserData then
    DelTree(ExpandConstant('{#DataDir}'), True, True, True);
end;
