-- A counsellor's title as English pages and emails show it; empty means the Swedish title
-- serves both (a name-like title such as "Kontorschef Umeå" needs no translation).
ALTER TABLE counsellors ADD COLUMN title_en TEXT NOT NULL DEFAULT '' CHECK (length(title_en) <= 100);
UPDATE counsellors SET title_en = 'Employment counsellor' WHERE title = 'Arbetsförmedlare';
UPDATE counsellors SET title_en = 'Employment counsellor, employer contacts'
    WHERE title = 'Arbetsförmedlare, arbetsgivarkontakt';
