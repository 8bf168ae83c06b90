-- Each section's result of the inspection a rating was proposed from, kept with the rating like its total
-- and computed stars: code, weight, points earned, points possible and percentage, "code:weight:earned:
-- possible:percent" joined by ';' (the percentage empty when every indicator of the section was N/A).
-- The public profile showed them by reading every score of the inspection and running the rating engine on
-- each visit (one statement and the engine per view, and the result followed the institution's current type
-- rather than the one it was rated as). Null for ratings proposed before this column: the profile then
-- computes them as before.
alter table rating add column sections text;
