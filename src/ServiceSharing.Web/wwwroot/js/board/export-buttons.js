// Export the board shown (now, or the replayed point) as CSV or an Excel workbook, or print it as a one-page report.
import { h, replace } from "../dom.js";
import { download } from "../api.js";

export function exportButtons(assessmentId, point = () => ({})) {
  const message = h("span", { class: "inline-message", role: "status" });
  const run = (format) => async () => {
    replace(message, "");
    try {
      await download(`/api/assessments/${assessmentId}/export.${format}`, point());
    } catch (error) {
      replace(message, error.message);
    }
  };
  return h("div", { class: "export", role: "group", "aria-label": "Export" },
    h("button", { type: "button", class: "secondary", onclick: run("csv"), dataset: { export: "csv" } }, "Download CSV"),
    h("button", { type: "button", class: "secondary", onclick: run("xlsx"), dataset: { export: "xlsx" } }, "Download Excel"),
    h("button", { type: "button", class: "secondary", onclick: () => window.print() }, "Print report"),
    message);
}
