import { describe, expect, it } from "vitest";
import {
  BlockedTargetError,
  checkTargetUrl,
  isPublicAddress,
} from "../../src/calendars/network/address-policy.ts";

describe("which addresses a calendar URL may reach", () => {
  it("refuses loopback, private, link-local, CGNAT, multicast and reserved addresses, v4 and v6", () => {
    for (const ip of [
      "127.0.0.1",
      "127.8.9.10",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fe80::1",
      "fd00::1234",
      "fc00::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "64:ff9b::a9fe:a9fe",
      "::ffff:7f00:1",
      "[::1]",
      "fe80::1%eth0",
      "not an address",
    ]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
    for (const ip of [
      "93.184.216.34",
      "172.32.0.1",
      "8.8.8.8",
      "2a00:1450:4007:80f::200e",
      "::ffff:93.184.216.34",
    ])
      expect(isPublicAddress(ip), ip).toBe(true);
  });

  it("checks URLs: http(s) only, no credentials inside, no private literal or local name unless allowed", () => {
    const blocked = (url: string) => () => checkTargetUrl(url, false);
    expect(blocked("http://127.0.0.1:8080/cal.ics")).toThrow(BlockedTargetError);
    expect(blocked("http://[::1]/cal.ics")).toThrow(BlockedTargetError);
    expect(blocked("http://169.254.169.254/latest/meta-data")).toThrow(BlockedTargetError);
    expect(blocked("http://localhost/cal.ics")).toThrow(BlockedTargetError);
    expect(blocked("http://nas.local/cal.ics")).toThrow(BlockedTargetError);
    expect(blocked("http://intranet/cal.ics")).toThrow(BlockedTargetError);
    expect(blocked("file:///etc/passwd")).toThrow(/http/);
    expect(blocked("https://user:pass@dav.example.com/")).toThrow(/own fields/);
    expect(checkTargetUrl("webcal://calendar.example.com/feed.ics", false).href).toBe(
      "https://calendar.example.com/feed.ics",
    );
    expect(checkTargetUrl("http://127.0.0.1:8080/cal.ics", true).hostname).toBe("127.0.0.1");
  });
});
