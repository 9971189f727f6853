SELECT
  "t0"."seq" AS "seq",
  COALESCE(
    CASE JSONType("t0"."properties", 'store')
      WHEN 'String'
      THEN JSONExtractString("t0"."properties", 'store')
      WHEN 'Double'
      THEN CASE
        WHEN match(toString(JSONExtractFloat("t0"."properties", 'store')), '^-?[0-9]+$')
        THEN CONCAT(toString(JSONExtractFloat("t0"."properties", 'store')), '.0')
        ELSE toString(JSONExtractFloat("t0"."properties", 'store'))
      END
      WHEN 'Int64'
      THEN JSONExtractRaw("t0"."properties", 'store')
      WHEN 'UInt64'
      THEN JSONExtractRaw("t0"."properties", 'store')
      WHEN 'Bool'
      THEN JSONExtractRaw("t0"."properties", 'store')
    END = 'centro',
    FALSE
  ) AS "r0",
  COALESCE(
    CASE
      WHEN match(
        CASE JSONType("t0"."properties", 'more', 'floor')
          WHEN 'String'
          THEN JSONExtractString("t0"."properties", 'more', 'floor')
          WHEN 'Double'
          THEN CASE
            WHEN match(toString(JSONExtractFloat("t0"."properties", 'more', 'floor')), '^-?[0-9]+$')
            THEN CONCAT(toString(JSONExtractFloat("t0"."properties", 'more', 'floor')), '.0')
            ELSE toString(JSONExtractFloat("t0"."properties", 'more', 'floor'))
          END
          WHEN 'Int64'
          THEN JSONExtractRaw("t0"."properties", 'more', 'floor')
          WHEN 'UInt64'
          THEN JSONExtractRaw("t0"."properties", 'more', 'floor')
          WHEN 'Bool'
          THEN JSONExtractRaw("t0"."properties", 'more', 'floor')
        END,
        '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\z'
      )
      THEN accurateCastOrNull(
        CASE JSONType("t0"."properties", 'more', 'floor')
          WHEN 'String'
          THEN JSONExtractString("t0"."properties", 'more', 'floor')
          WHEN 'Double'
          THEN CASE
            WHEN match(toString(JSONExtractFloat("t0"."properties", 'more', 'floor')), '^-?[0-9]+$')
            THEN CONCAT(toString(JSONExtractFloat("t0"."properties", 'more', 'floor')), '.0')
            ELSE toString(JSONExtractFloat("t0"."properties", 'more', 'floor'))
          END
          WHEN 'Int64'
          THEN JSONExtractRaw("t0"."properties", 'more', 'floor')
          WHEN 'UInt64'
          THEN JSONExtractRaw("t0"."properties", 'more', 'floor')
          WHEN 'Bool'
          THEN JSONExtractRaw("t0"."properties", 'more', 'floor')
        END,
        'Nullable(Float64)'
      )
      ELSE NULL
    END >= 2.0,
    FALSE
  ) AS "r1"
FROM "journey_events" AS "t0"
