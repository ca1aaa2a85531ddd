"""The interview text and what paints on it: highlights, coding stripes, the header, word
selection and the one conversion between Qt's UTF-16 positions and code points.
"""
