"""Comment analytics, offline: language (es/en/other), sentiment and themes of survey comments.

>>> from recorrido.voice.text import analyse_text
>>> analyse_text("Genial, media hora para un café con leche").sentiment
'negative'
"""

from .analyse import ANALYSIS_COLUMNS, Analysis, analyse_comments, analyse_text
from .evaluation import LabelledComment, Scores, evaluate, load_labelled
from .language import LANGUAGES, Language, LanguageGuess, detect_language, language_guess
from .sentiment import LABELS, Label, Sentiment, sentiment
from .summary import theme_summary
from .themes import THEMES, Theme, themes

__all__ = [
    "ANALYSIS_COLUMNS",
    "LABELS",
    "LANGUAGES",
    "THEMES",
    "Analysis",
    "Label",
    "LabelledComment",
    "Language",
    "LanguageGuess",
    "Scores",
    "Sentiment",
    "Theme",
    "analyse_comments",
    "analyse_text",
    "detect_language",
    "evaluate",
    "language_guess",
    "load_labelled",
    "sentiment",
    "theme_summary",
    "themes",
]
