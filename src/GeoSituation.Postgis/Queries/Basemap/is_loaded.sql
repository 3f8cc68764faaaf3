SELECT EXISTS (SELECT 1 FROM boundaries) OR EXISTS (SELECT 1 FROM populated_places);
