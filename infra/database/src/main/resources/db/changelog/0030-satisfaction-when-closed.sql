--liquibase formatted sql

--changeset rg:0030-satisfaction-when-closed
-- Satisfaction is read from closed surveys only: an open survey's score changes with each answer,
-- and its daily snapshots would give each day's answers away.
UPDATE rg.metric
   SET definition = 'The residents'' average answer to the 1–5 questions of the community''s latest '
                    || 'survey that has closed (its own or its copy of the street''s), 5 the most '
                    || 'satisfied (获得感、幸福感); not shown under 5 respondents, who could be '
                    || 'recognised.',
       formula = 'mean of the 1–5 answers of the latest closed survey; sample: its respondents'
 WHERE key = 'satisfaction';
--rollback UPDATE rg.metric SET formula = 'mean of the 1–5 answers of the latest opened survey; sample: its respondents' WHERE key = 'satisfaction';
