-- Schema 3: the CAMEO statement code of each quote (Quote.cameo_code, schema 1.3.0).
--
-- A quote is a statement, and CAMEO codes statements under root 01 (010 make
-- statement ... 019 express accord); the column lets a query select them without
-- reading JSON. Quotes stored before schema 3 were never coded: their column stays
-- NULL and their `data` has no cameo_code, which reads back as None.

ALTER TABLE quotes ADD COLUMN cameo_code VARCHAR;
