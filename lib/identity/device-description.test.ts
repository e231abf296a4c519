import { describe, expect, it } from "vitest";
import { describeDevice } from "./device-description";

const UA = {
  chromeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  firefoxAndroid: "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  samsungPhone:
    "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
};

describe("the device a session was opened on", () => {
  it("names the browser and the operating system, in French", () => {
    expect(describeDevice(UA.chromeWindows)).toBe("Chrome sur Windows");
    expect(describeDevice(UA.firefoxAndroid)).toBe("Firefox sur Android");
    expect(describeDevice(UA.safariIphone)).toBe("Safari sur iOS");
    expect(describeDevice(UA.safariMac)).toBe("Safari sur macOS");
    expect(describeDevice(UA.edgeWindows)).toBe("Microsoft Edge sur Windows");
    expect(describeDevice(UA.samsungPhone)).toBe("Samsung Internet sur Android");
  });

  it("says nothing more: no version, no phone model", () => {
    for (const userAgent of Object.values(UA)) {
      expect(describeDevice(userAgent)).not.toMatch(/\d|SM-|iPhone|Mobile/);
    }
  });

  it("is unknown (null) without a User-Agent, or with one that names no browser or system", () => {
    expect(describeDevice(null)).toBeNull();
    expect(describeDevice("")).toBeNull();
    expect(describeDevice("curl/8.5.0")).toBeNull();
  });

  it("says which half is unknown when only one is recognised", () => {
    expect(describeDevice("Mozilla/5.0 (X11; Linux x86_64) Outil/1.0")).toBe("Navigateur inconnu sur Linux");
  });
});
