"""How a suggestion is put into words in the window: its tag, why it is suggested and
what its confidence means (a model's probability, the share of the tag's word
suggestions accepted so far, or nothing yet)."""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from app.dto import TagInfo
from app.suggestions import MIN_NEGATIVES, MIN_POSITIVES, ModelInfo, Suggestion
from app.suggestions.engine import BASIS_DECISIONS, BASIS_MODEL

NO_CONFIDENCE = "–"


class SuggestionWords(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tags: dict[int, TagInfo] = {}

    def tag_name(self, suggestion: Suggestion) -> str:
        tag = self.tags.get(suggestion.tag_id)
        return tag.name if tag else "?"

    def describe(self, suggestion: Suggestion) -> str:
        """The tag, why it is suggested and how sure, in the interface language."""
        lines = [self.tr("Suggested: %1").replace("%1", self.tag_name(suggestion))]
        lines.append(self.reason(suggestion))
        lines.append(self.confidence_meaning(suggestion))
        return "\n".join(lines)

    def reason(self, suggestion: Suggestion) -> str:
        parts = []
        if suggestion.words:
            parts.append(self.tr("trigger words %1").replace("%1", "、".join(suggestion.words)))
        if suggestion.probability is not None:
            parts.append(self.tr("model %1").replace("%1", f"{suggestion.probability:.2f}"))
        return "; ".join(parts)

    def confidence(self, suggestion: Suggestion) -> str:
        """The confidence column: a number only where it means something."""
        return f"{suggestion.confidence:.2f}" if suggestion.has_confidence else NO_CONFIDENCE

    def confidence_meaning(self, suggestion: Suggestion) -> str:
        value = f"{suggestion.confidence:.2f}"
        if suggestion.basis == BASIS_MODEL:
            return self.tr("Confidence %1: the model's probability for this passage.").replace(
                "%1", value
            )
        if suggestion.basis == BASIS_DECISIONS:
            return (
                self.tr(
                    "Confidence %1: the share of %2's trigger-word suggestions accepted so far."
                )
                .replace("%1", value)
                .replace("%2", self.tag_name(suggestion))
            )
        return self.tr(
            "No confidence yet: trigger words only. It appears once suggestions of this tag "
            "have been decided or the model is trained for it."
        )

    def column_help(self) -> str:
        """The confidence column header's tooltip."""
        return self.tr(
            "The model's probability, or for trigger words the share of the tag's word "
            "suggestions accepted so far; – until either exists."
        )

    def model_text(self, info: ModelInfo | None, training: bool) -> str:
        if training and info is None:
            return self.tr("Model: training…")
        if info is None or not info.trained:
            return (
                self.tr(
                    "Model: not trained yet. A tag needs %1 tagged passages and %2 without it; "
                    "until then only trigger words suggest."
                )
                .replace("%1", str(MIN_POSITIVES))
                .replace("%2", str(MIN_NEGATIVES))
            )
        names = "、".join(self.tags[t].name for t in sorted(info.trained) if t in self.tags)
        text = self.tr("Model: trained for %1.").replace("%1", names)
        if training:
            text += " " + self.tr("Retraining…")
        return text

    def confirm_accept_all(self, parent: QWidget, count: int, threshold: float, title: str) -> bool:
        """Ask before many suggestions become annotations at once, naming how many and where."""
        if count == 1:
            question = self.tr("Accept 1 suggestion with a confidence of %1 or more in “%2”?")
        else:
            question = self.tr(
                "Accept %3 suggestions with a confidence of %1 or more in “%2”?"
            ).replace("%3", str(count))
        question = question.replace("%1", f"{threshold:.2f}").replace("%2", title)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Accept Suggestions"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.setObjectName("confirmAcceptAll")
        box.setInformativeText(self.tr("Each becomes an annotation; Ctrl+Z undoes them all."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes
