-- A login parked for the user's answer (guest connections) keeps the site's PKCE code_challenge,
-- so the code it issues after the answer carries it as any other would.
ALTER TABLE browser_confirmation ADD COLUMN client_code_challenge VARCHAR(128);
