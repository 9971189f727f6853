SELECT
  "t0"."seq",
  COALESCE(
    CASE
      WHEN JSON_VALID("t0"."properties")
      THEN LIST_EXTRACT(
        LIST_TRANSFORM(
          ["t0"."properties" -> '$.store'],
          LAMBDA _recorrido_json_value : CASE
            WHEN JSON_TYPE(_recorrido_json_value) IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')
            THEN _recorrido_json_value ->> '$'
          END
        ),
        1
      )
    END = 'centro',
    FALSE
  ) AS "r0",
  COALESCE(
    CASE
      WHEN REGEXP_MATCHES(
        CASE
          WHEN JSON_VALID("t0"."properties")
          THEN LIST_EXTRACT(
            LIST_TRANSFORM(
              ["t0"."properties" -> '$.more.floor'],
              LAMBDA _recorrido_json_value : CASE
                WHEN JSON_TYPE(_recorrido_json_value) IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')
                THEN _recorrido_json_value ->> '$'
              END
            ),
            1
          )
        END,
        '^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\z'
      )
      THEN TRY_CAST(CASE
        WHEN JSON_VALID("t0"."properties")
        THEN LIST_EXTRACT(
          LIST_TRANSFORM(
            ["t0"."properties" -> '$.more.floor'],
            LAMBDA _recorrido_json_value : CASE
              WHEN JSON_TYPE(_recorrido_json_value) IN ('VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE', 'BOOLEAN')
              THEN _recorrido_json_value ->> '$'
            END
          ),
          1
        )
      END AS DOUBLE)
      ELSE NULL
    END >= 2.0,
    FALSE
  ) AS "r1"
FROM "journey_events" AS "t0"
