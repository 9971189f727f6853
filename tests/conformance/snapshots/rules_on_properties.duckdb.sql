SELECT
  "t0"."seq",
  COALESCE(
    CASE
      WHEN JSON_TYPE(TRY_CAST("t0"."properties" AS JSON), '$.store') IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')
      THEN TRY_CAST("t0"."properties" AS JSON) ->> '$.store'
    END = 'centro',
    FALSE
  ) AS "r0",
  COALESCE(
    CASE
      WHEN REGEXP_MATCHES(
        CASE
          WHEN JSON_TYPE(TRY_CAST("t0"."properties" AS JSON), '$.more.floor') IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')
          THEN TRY_CAST("t0"."properties" AS JSON) ->> '$.more.floor'
        END,
        '^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\z'
      )
      THEN TRY_CAST(CASE
        WHEN JSON_TYPE(TRY_CAST("t0"."properties" AS JSON), '$.more.floor') IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')
        THEN TRY_CAST("t0"."properties" AS JSON) ->> '$.more.floor'
      END AS DOUBLE)
      ELSE NULL
    END >= 2.0,
    FALSE
  ) AS "r1"
FROM "journey_events" AS "t0"
