"""Chinese language: word segmentation with jieba, the project's word lists, word
boundaries in a document and keywords.
"""
