"""From the loaded Dataset to Markdown: templates, flowcharts and glossary links; pure functions."""
