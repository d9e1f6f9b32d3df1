/** The Chromium features the browser tests turn off (test/browser/chromium.ts), apart so that a unit test reads them without loading playwright. */
/** The features playwright-core (1.65) turns off with its own --disable-features (test/browser/chromium-flags.test.ts checks the list). */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Browser features the tests never use, turned off: each new page (a context of its own, so a window
 * of its own) made headless Chromium start a renderer for the address bar's WebUI popup
 * (chrome://omnibox-popup.top-chrome/), about a third of a browser test's CPU time (reader.test.ts:
 * 47-55 core-seconds with them, 30-32 without).
 */
export const UNUSED_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "PreloadTopChromeWebUI"];
