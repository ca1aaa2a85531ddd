"""What the importer guessed about an interview's structure rather than read from it.

The preview shows each guess so that the editor can confirm or fix it with one click; the
codes are stable (the window translates them).
"""

NO_LABELS = "no_labels"  # no speaker labels found: paragraphs are narration or numbered Q&A
ASKERS_FROM_QUESTIONS = "askers_from_questions"  # who asks was told from question marks
INTERVIEWEE_FROM_HEADLINE = "interviewee_from_headline"  # named in the title, not a subtitle
INTERVIEWEE_FROM_TURNS = "interviewee_from_turns"  # the speaker who answers most
TITLE_FROM_FILE_NAME = "title_from_file_name"  # no headline found
SEVERAL_INTERVIEWEES = "several_interviewees"  # more than one speaker answers

GUESSES = (
    NO_LABELS,
    ASKERS_FROM_QUESTIONS,
    INTERVIEWEE_FROM_HEADLINE,
    INTERVIEWEE_FROM_TURNS,
    TITLE_FROM_FILE_NAME,
    SEVERAL_INTERVIEWEES,
)
