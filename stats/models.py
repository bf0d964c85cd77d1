# Visitor statistics models (see the statistics issue).
