import { describe, expect, it } from "vitest";
import { buyerFromClient, linesFromReportedDays } from "../../src/invoicing/invoice-draft.ts";
import { InvoiceInputError } from "../../src/invoicing/invoice-model.ts";
import { daysFromForm, monthGrid } from "../../src/missions/days-grid.ts";
import { dateInZone, monthBounds, monthsBetween } from "../../src/missions/plain-date.ts";
import { dayLabel, daysText } from "../../src/missions/report-text.ts";

describe("the days grid", () => {
  it("lists every day of the month with weekends, holidays, days off and the mission's bounds", () => {
    const grid = monthGrid(
      "2027-05",
      [{ date: "2027-05-04", fraction: 0.5 }],
      { start: "2027-05-04", end: "2027-05-28" },
      ["2027-05-14"],
    );
    expect(grid).toHaveLength(31);
    expect(grid[0]).toMatchObject({
      date: "2027-05-01",
      dayOfWeek: 6,
      holiday: true,
      outside: true,
      fraction: 0,
    });
    expect(grid[3]).toMatchObject({ date: "2027-05-04", fraction: 0.5, outside: false });
    expect(grid[13]).toMatchObject({ date: "2027-05-14", dayOff: true });
    expect(grid[16]).toMatchObject({ date: "2027-05-17", holiday: true });
    expect(grid[30]).toMatchObject({ date: "2027-05-31", outside: true });
  });

  it("reads the form back: unworked days dropped, garbage kept for validation to refuse", () => {
    expect(
      daysFromForm({
        "d-2027-05-05": "1",
        "d-2027-05-04": "0.5",
        "d-2027-05-06": "0",
        other: "1",
        "d-2027-05-07": "x",
      }),
    ).toEqual([
      { date: "2027-05-04", fraction: 0.5 },
      { date: "2027-05-05", fraction: 1 },
      { date: "2027-05-07", fraction: Number.NaN },
    ]);
  });
});

describe("dates for reports", () => {
  it("knows today in the owner's zone, whatever the server's", () => {
    // 23:30 UTC on 31 March is already 1 April in Paris (UTC+2).
    expect(dateInZone(Date.parse("2027-03-31T23:30:00Z"), "Europe/Paris")).toBe("2027-04-01");
    expect(dateInZone(Date.parse("2027-03-31T23:30:00Z"), "America/New_York")).toBe("2027-03-31");
  });

  it("bounds months and walks between them across years", () => {
    expect(monthBounds("2028-02")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    expect(monthsBetween("2027-11-15", "2028-02-01")).toEqual(["2027-11", "2027-12", "2028-01", "2028-02"]);
  });

  it("writes days for people in both languages", () => {
    expect(dayLabel("2027-03-01", "fr")).toBe("lundi 01/03/2027");
    expect(dayLabel("2027-03-01", "en")).toBe("Monday 1 March 2027");
    expect(daysText(21.5, "fr")).toBe("21,5 jours");
    expect(daysText(1, "en")).toBe("1 day");
    expect(daysText(0.5, "fr")).toBe("½ journée");
  });
});

describe("lines from reported days", () => {
  const base = { missionTitle: "Audit", dailyRateCents: 50_000, vatRate: 20, locale: "fr" as const };
  const days = [
    { date: "2027-03-31", fraction: 1 },
    { date: "2027-04-01", fraction: 0.5 },
    { date: "2027-04-30", fraction: 1 },
  ];

  it("names the month when the period is a whole month, the dates otherwise", () => {
    expect(
      linesFromReportedDays({ ...base, days, period: { start: "2027-04-01", end: "2027-04-30" } }),
    ).toEqual([
      { description: "Audit — avril 2027", quantity: 1.5, unitPriceCents: 50_000, vatRate: 20, unit: "DAY" },
    ]);
    const [line] = linesFromReportedDays({
      ...base,
      locale: "en",
      days,
      period: { start: "2027-03-15", end: "2027-04-15" },
    });
    expect(line).toMatchObject({ description: "Audit — 15 March 2027 to 15 April 2027", quantity: 1.5 });
  });

  it("refuses a period with no day reported", () => {
    expect(() =>
      linesFromReportedDays({ ...base, days, period: { start: "2027-05-01", end: "2027-05-31" } }),
    ).toThrow(InvoiceInputError);
  });

  it("builds the buyer from a client, leaving out what it does not have", () => {
    expect(
      buyerFromClient({
        name: "Acme",
        address: { line1: "1 rue", postalCode: "75001", city: "Paris", country: "FR" },
        siren: "552100554",
        siret: null,
        vatNumber: null,
        billingEmail: "ap@acme.fr",
      }),
    ).toEqual({
      name: "Acme",
      address: { line1: "1 rue", postalCode: "75001", city: "Paris", country: "FR" },
      siren: "552100554",
      billingEmail: "ap@acme.fr",
    });
  });
});
