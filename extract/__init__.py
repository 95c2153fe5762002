"""Extraction: transcript files in, speakers, concepts and claims with exact times out."""
