SELECT
  "t0"."seq",
  COALESCE(
    CASE
      WHEN JSON_VALID("t0"."properties")
      THEN JSON_VALUE("t0"."properties", '$.store') ->> '$'
    END = 'centro',
    FALSE
  ) AS "r0",
  COALESCE(
    CASE
      WHEN REGEXP_MATCHES(
        CASE
          WHEN JSON_VALID("t0"."properties")
          THEN JSON_VALUE("t0"."properties", '$.more.floor') ->> '$'
        END,
        '^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\z'
      )
      THEN TRY_CAST(CASE
        WHEN JSON_VALID("t0"."properties")
        THEN JSON_VALUE("t0"."properties", '$.more.floor') ->> '$'
      END AS DOUBLE)
      ELSE NULL
    END >= 2.0,
    FALSE
  ) AS "r1"
FROM "journey_events" AS "t0"
