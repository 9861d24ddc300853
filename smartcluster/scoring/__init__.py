"""The maturity questionnaire engine, no Django: `definition` (questionnaires as data, answer checks), `scoring`
(scores and levels of one assessment), `aggregates` (anonymised distributions with suppression)."""
