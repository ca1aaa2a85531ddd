"""Tag suggestions: keyword rules and a model that learns from this project's annotations.

Suggestions are never stored: they are worked out from the text, the trigger words, the
annotations and the decisions each time they are asked for. What is stored is the
annotator's answer to one (``suggestion_decisions``): an accepted suggestion is also an
annotation with ``source = "suggested"``; a rejected one is never offered again.

- ``passages``: the turns and sentences a suggestion can cover.
- ``triggers``: trigger words per tag (seeded for the default tags) and rule matching.
- ``model``: jieba tokens -> TF-IDF -> one logistic regression per tag (scikit-learn,
  imported only when a model is trained).
- ``engine``: pending suggestions, training data, statistics and settings.
- ``commands``: accept, reject and trigger-word edits as undoable commands.
"""

from app.suggestions.engine import (
    Key,
    ModelInfo,
    Suggestion,
    SuggestionSettings,
    TagStats,
    activity,
    load_settings,
    pending_suggestions,
    save_settings,
    suggestion_stats,
    train_project_model,
)
from app.suggestions.model import MIN_NEGATIVES, MIN_POSITIVES, TagModel
from app.suggestions.triggers import ensure_triggers, trigger_words

__all__ = [
    "MIN_NEGATIVES",
    "MIN_POSITIVES",
    "Key",
    "ModelInfo",
    "Suggestion",
    "SuggestionSettings",
    "TagModel",
    "TagStats",
    "activity",
    "ensure_triggers",
    "load_settings",
    "pending_suggestions",
    "save_settings",
    "suggestion_stats",
    "train_project_model",
    "trigger_words",
]
