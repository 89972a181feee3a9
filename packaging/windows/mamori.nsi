; The mamori installer for Windows (NSIS 3, Unicode). Built by scripts/package.sh:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DSTAGE=<folder with the files> -DOUTFILE=<setup.exe> mamori.nsi
; Installs for the current user only, without administrator rights, into
; %LOCALAPPDATA%\Programs\mamori; adds a Start-menu shortcut, an optional desktop shortcut and an
; uninstaller. The user's assessments and settings (%APPDATA%\mamori) are never touched.

Unicode true
; A 64-bit installer: mamori itself is 64-bit only, and a 32-bit installer would not run where
; only 64-bit programs can (Windows on ARM without x86 emulation of 32-bit, Wine without wine32).
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma
SetCompressorDictSize 64

!ifndef VERSION
  !error "VERSION is not defined (makensis -DVERSION=...)"
!endif
!ifndef STAGE
  !error "STAGE is not defined (makensis -DSTAGE=...)"
!endif
!ifndef OUTFILE
  !error "OUTFILE is not defined (makensis -DOUTFILE=...)"
!endif

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"

!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\mamori"
!define APP_NAME "mamori 守り"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\mamori"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "mamori ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "mamori"
VIAddVersionKey /LANG=0 "FileDescription" "mamori ${VERSION} setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${STAGE}\mamori.ico"
!define MUI_UNICON "${STAGE}\mamori.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\mamori.exe"
!define MUI_FINISHPAGE_TEXT "$(FinishText)"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "$(UninstFinishText)"
!insertmacro MUI_UNPAGE_FINISH

; English first: it is used when Windows' language is neither of the two.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Japanese"

LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString SecDesktopName ${LANG_JAPANESE} "デスクトップにショートカットを作る"
LangString CliShortcut ${LANG_ENGLISH} "mamori command line"
LangString CliShortcut ${LANG_JAPANESE} "mamori コマンドライン"
LangString NeedsWin10 ${LANG_ENGLISH} "mamori needs 64-bit Windows 10 or 11."
LangString NeedsWin10 ${LANG_JAPANESE} "mamori には 64 ビット版の Windows 10 または Windows 11 が必要です。"
LangString FinishText ${LANG_ENGLISH} "mamori is installed. Start it from the Start menu (mamori 守り). Your assessments are saved in your own folders and are never sent anywhere."
LangString FinishText ${LANG_JAPANESE} "mamori をインストールしました。スタートメニューの「mamori 守り」から起動できます。回答はこのパソコンの中だけに保存され、外部には送信されません。"
LangString UninstFinishText ${LANG_ENGLISH} "mamori has been removed. Your assessments and settings were kept (%APPDATA%\mamori and the files you saved yourself). Delete them yourself if you no longer need them."
LangString UninstFinishText ${LANG_JAPANESE} "mamori を削除しました。回答と設定(%APPDATA%\mamori と、ご自分で保存したファイル)は残してあります。不要であればご自分で削除してください。"

Function .onInit
  ; A 64-bit installer does not start on 32-bit Windows at all; this check is for Windows 7 and 8.
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP|MB_OK "$(NeedsWin10)" /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

Section "mamori" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${STAGE}\mamori.exe"
  File "${STAGE}\mamori-cli.exe"
  File "${STAGE}\mamori.ico"
  File "${STAGE}\README.txt"
  File "${STAGE}\LICENSE-MIT.txt"
  File "${STAGE}\LICENSE-APACHE.txt"
  File "${STAGE}\THIRD-PARTY-LICENSES.txt"
  File "${STAGE}\OFL.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; The working folder of the shortcuts is the user's Documents folder.
  SetOutPath "$DOCUMENTS"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\mamori.exe" "" "$INSTDIR\mamori.exe" 0
  ; A console where `mamori ...` runs the command-line program (doskey macro, this window only).
  CreateShortcut "$SMPROGRAMS\$(CliShortcut).lnk" "$SYSDIR\cmd.exe" \
    '/k doskey mamori="$INSTDIR\mamori-cli.exe" $$* && "$INSTDIR\mamori-cli.exe" --help' \
    "$INSTDIR\mamori.exe" 0
  SetOutPath "$INSTDIR"

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "mamori"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\mamori.exe,0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" ${SIZE_KB}
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  SetOutPath "$DOCUMENTS"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\mamori.exe" "" "$INSTDIR\mamori.exe" 0
  SetOutPath "$INSTDIR"
SectionEnd

Section "Uninstall"
  ; Only what the installer put there: the user's assessments (%APPDATA%\mamori, and files
  ; saved elsewhere) stay.
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\mamori command line.lnk"
  Delete "$SMPROGRAMS\mamori コマンドライン.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  Delete "$INSTDIR\mamori.exe"
  Delete "$INSTDIR\mamori-cli.exe"
  Delete "$INSTDIR\mamori.ico"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\LICENSE-MIT.txt"
  Delete "$INSTDIR\LICENSE-APACHE.txt"
  Delete "$INSTDIR\THIRD-PARTY-LICENSES.txt"
  Delete "$INSTDIR\OFL.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd
