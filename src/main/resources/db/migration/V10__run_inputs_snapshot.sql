-- Which gathered snapshot of inputs a run read (<period>/<timestamp> under the inputs folder); null: the data folder.
ALTER TABLE run ADD COLUMN inputs_snapshot VARCHAR(400);
