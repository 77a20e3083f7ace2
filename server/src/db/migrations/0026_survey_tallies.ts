import { type Kysely, sql } from 'kysely';

/**
 * Survey results kept up to date at submission time (issue 24, ADR 0008): counts per quasi-identifier
 * class (size class × Land × network) instead of a scan over every answer row on each result request.
 *
 * - `survey_tallies`: answer rows per class × question × item × choice × number (the frequency table the
 *   results are computed from: distributions, means, exact medians, Borda sums, answers to free texts).
 * - `survey_answerers`: distinct respondents per class × question (item '') and × matrix row; the row with
 *   question '' counts the submitted responses of the class (a response may have no answer rows at all).
 *
 * `survey_tally(survey, response, sign)` adds (+1) or removes (−1) the contribution of one submitted
 * response, or of all submitted responses of the survey when response is NULL; it reads the response's
 * answer rows, so it runs after they are inserted (submit) and before they are deleted (reopen), in the same
 * transaction. Rows that reach 0 are deleted, so the tables always equal a recomputation from the answers.
 * A partial index on the free texts lets the results read the first 1,000 texts per question in index order.
 * `survey_tallies_rebuild(survey)` recomputes a survey's counts from its answers: the backfill here, after a
 * restore, and after bulk inserts that bypass the API (demo data, bench data).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE survey_tallies (
      survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
      size_class smallint NOT NULL,
      land_code text NOT NULL,
      network_id uuid,
      question_id text NOT NULL,
      item_id text NOT NULL,
      choice text,
      num double precision,
      n integer NOT NULL
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX survey_tallies_key ON survey_tallies
      (survey_id, size_class, land_code, network_id, question_id, item_id, choice, num) NULLS NOT DISTINCT`.execute(db);
  await sql`
    CREATE TABLE survey_answerers (
      survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
      size_class smallint NOT NULL,
      land_code text NOT NULL,
      network_id uuid,
      question_id text NOT NULL,
      item_id text NOT NULL,
      n integer NOT NULL
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX survey_answerers_key ON survey_answerers
      (survey_id, size_class, land_code, network_id, question_id, item_id) NULLS NOT DISTINCT`.execute(db);
  // free texts (listed per question in md5 order, at most 1,000): read in index order, not sorted from all answers
  await sql`
    CREATE INDEX survey_answers_text_idx ON survey_answers (survey_id, question_id, md5(text))
      WHERE btrim(text) <> ''`.execute(db);
  // dynamic SQL: a plan per call, so one response is found by its index and a whole survey by a scan;
  // rows are upserted in key order, so concurrent submissions lock shared rows in the same order (no deadlock)
  await sql`
    CREATE FUNCTION survey_tally(p_survey uuid, p_response uuid, p_sign integer) RETURNS void
    LANGUAGE plpgsql AS $fn$
    DECLARE
      resp text := CASE WHEN p_response IS NULL THEN 'r.survey_id = $1' ELSE 'r.id = $2' END;
      ans text := CASE WHEN p_response IS NULL THEN 'a.survey_id = $1' ELSE 'a.response_id = $2' END;
    BEGIN
      EXECUTE format($q$
        INSERT INTO survey_tallies AS t
          (survey_id, size_class, land_code, network_id, question_id, item_id, choice, num, n)
        SELECT r.survey_id, r.size_class, r.land_code, r.network_id, a.question_id, a.item_id, a.choice, a.num,
               $3 * count(*)
        FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
        WHERE %s AND %s AND r.status = 'submitted'
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT (survey_id, size_class, land_code, network_id, question_id, item_id, choice, num)
        DO UPDATE SET n = t.n + excluded.n$q$, resp, ans) USING p_survey, p_response, p_sign;
      EXECUTE format($q$
        INSERT INTO survey_answerers AS t (survey_id, size_class, land_code, network_id, question_id, item_id, n)
        SELECT * FROM (
        SELECT r.survey_id, r.size_class, r.land_code, r.network_id, '', '', $3 * count(*)
        FROM survey_responses r WHERE %s AND r.status = 'submitted'
        GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT r.survey_id, r.size_class, r.land_code, r.network_id, a.question_id,
               CASE WHEN GROUPING(a.item_id) = 1 THEN '' ELSE a.item_id END, $3 * count(DISTINCT a.response_id)
        FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
        WHERE %s AND %s AND r.status = 'submitted'
        GROUP BY GROUPING SETS ((r.survey_id, r.size_class, r.land_code, r.network_id, a.question_id, a.item_id),
                                (r.survey_id, r.size_class, r.land_code, r.network_id, a.question_id))
        HAVING GROUPING(a.item_id) = 1 OR a.item_id <> ''
        ) x ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (survey_id, size_class, land_code, network_id, question_id, item_id)
        DO UPDATE SET n = t.n + excluded.n$q$, resp, resp, ans) USING p_survey, p_response, p_sign;
      IF p_sign < 0 AND p_response IS NULL THEN
        DELETE FROM survey_tallies WHERE survey_id = p_survey AND n = 0;
        DELETE FROM survey_answerers WHERE survey_id = p_survey AND n = 0;
      ELSIF p_sign < 0 THEN
        -- only the response's own class can have reached 0 (the key's prefix narrows the scan to it)
        DELETE FROM survey_tallies t USING survey_responses r
        WHERE r.id = p_response AND t.survey_id = p_survey AND t.size_class = r.size_class
          AND t.land_code = r.land_code AND t.network_id IS NOT DISTINCT FROM r.network_id AND t.n = 0;
        DELETE FROM survey_answerers t USING survey_responses r
        WHERE r.id = p_response AND t.survey_id = p_survey AND t.size_class = r.size_class
          AND t.land_code = r.land_code AND t.network_id IS NOT DISTINCT FROM r.network_id AND t.n = 0;
      END IF;
    END $fn$`.execute(db);
  await sql`
    CREATE FUNCTION survey_tallies_rebuild(p_survey uuid) RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM survey_tallies WHERE survey_id = p_survey;
      DELETE FROM survey_answerers WHERE survey_id = p_survey;
      PERFORM survey_tally(p_survey, NULL, 1);
    END $fn$`.execute(db);
  await sql`SELECT survey_tallies_rebuild(id) FROM surveys`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION survey_tallies_rebuild(uuid)`.execute(db);
  await sql`DROP FUNCTION survey_tally(uuid, uuid, integer)`.execute(db);
  await sql`DROP INDEX survey_answers_text_idx`.execute(db);
  await sql`DROP TABLE survey_answerers`.execute(db);
  await sql`DROP TABLE survey_tallies`.execute(db);
}
