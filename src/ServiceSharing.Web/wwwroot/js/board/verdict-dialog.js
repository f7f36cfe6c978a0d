// The facilitator records an area's verdict (the board's "Overall") and its next steps. The version the board
// showed travels along: if someone decided meanwhile, the server refuses with 409 and the dialog shows what is there now.
import { h } from "../dom.js";
import { post } from "../api.js";
import { openDialog, radioGroup, textField } from "./dialog.js";

const VERDICTS = ["Yes", "Maybe", "No"];

export function openVerdictDialog({ board, area, sessionId, reload, returnFocus }) {
  let expectedVersion = board.version;
  const current = h("p", { class: "current-value", dataset: { currentValue: "" } });
  const showCurrent = (a) => {
    current.textContent = `On the board now: ${a.verdict ?? "no verdict"}${a.nextSteps ? ` – ${a.nextSteps}` : ""}.`;
  };
  showCurrent(area);

  openDialog({
    heading: `Verdict: ${area.name}`,
    submitLabel: "Record verdict",
    returnFocus,
    content: [
      current,
      area.suggestedVerdict && h("p", { class: "hint" }, `The decision model suggests ${area.suggestedVerdict}.`),
      radioGroup("verdict", "Overall: share or consolidate?", VERDICTS.map((v) => ({ value: v, label: v })), area.verdict),
      textField("nextSteps", "Next steps", { value: area.nextSteps, multiline: true }),
      textField("rationale", "Rationale (optional)", { multiline: true }),
    ],
    async onSubmit(data, dialog) {
      const verdict = data.get("verdict");
      if (!verdict) {
        dialog.showError({ message: "Choose Yes, Maybe or No first.", fields: { verdict: [] } });
        return false;
      }
      try {
        await post(`/api/assessments/${board.id}/verdicts`, {
          areaId: area.id,
          verdict,
          nextSteps: data.get("nextSteps") ?? "",
          rationale: data.get("rationale") || null,
          expectedVersion,
          sessionId: sessionId ?? null,
        });
      } catch (error) {
        if (error.status === 409) {
          const fresh = await reload();
          const freshArea = fresh.areas.find((a) => a.id === area.id);
          if (freshArea) showCurrent(freshArea);
          expectedVersion = fresh.version;
        }
        throw error;
      }
      return true;
    },
  });
}
