"""GIFT, Moodle XML, CSV and Anki: questions and cards in and out of winterwar (docs/interop.md)."""
