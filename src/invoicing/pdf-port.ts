// The Factur-X renderer (src/invoicing/pdf/), loaded on first use: a PDF problem answers 503 on the
// PDF routes instead of keeping the whole invoicing API from starting.
import type { AppDeps } from "../platform/deps.ts";
import { AppError } from "../platform/http/problems.ts";
import type { PdfAssets } from "./pdf/assets.ts";
import type { StoredDocument } from "./stored-document.ts";
import { computeTotals } from "./totals.ts";
import { ciiXml } from "./xml-documents.ts";

type Renderer = typeof import("./pdf/render-invoice.ts").renderInvoicePdf;
type AssetsLoader = () => Promise<PdfAssets>;

let loading: Promise<Renderer> | undefined;

/** The runtime's own loader (Data modules on Workers), or the files next to the renderer on Node. */
async function assetsLoader(deps: AppDeps): Promise<AssetsLoader> {
  if (deps.pdfAssets) return deps.pdfAssets;
  return (await import("./pdf/node-assets.ts")).loadPdfAssets;
}

async function load(deps: AppDeps): Promise<{ render: Renderer; assets: AssetsLoader }> {
  loading ??= import("./pdf/render-invoice.ts").then((renderer) => renderer.renderInvoicePdf);
  try {
    const [render, assets] = await Promise.all([loading, assetsLoader(deps)]);
    return { render, assets };
  } catch (error) {
    loading = undefined;
    deps.logger.error("pdf renderer unavailable", { error: String(error) });
    throw new AppError("unavailable", {
      title: "PDF rendering is not available",
      detail: "The Factur-X PDF renderer could not be loaded on this server. The CII XML is at /xml.",
    });
  }
}

/** The Factur-X PDF of an issued document, in its frozen language unless another is asked for. */
export async function invoicePdf(
  deps: AppDeps,
  document: StoredDocument,
  locale: "fr" | "en" = document.locale,
): Promise<Uint8Array> {
  const { render, assets } = await load(deps);
  const totals = computeTotals(document.lines, document.vatMode);
  const pdfAssets = await assets().catch((error: unknown) => {
    deps.logger.error("pdf assets unavailable", { error: String(error) });
    throw new AppError("unavailable", { detail: "The fonts for the PDF could not be read on this server." });
  });
  return render({
    invoice: document,
    totals,
    ciiXml: await ciiXml(document, totals),
    locale,
    assets: pdfAssets,
  });
}
