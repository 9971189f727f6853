SELECT
  "t17"."label" AS "label",
  "t17"."next" AS "next",
  COUNT(*) AS "people"
FROM (
  SELECT
    "t16"."person" AS "person",
    "t16"."label" AS "label",
    "t16"."_ts" AS "_ts",
    "t16"."_seq" AS "_seq",
    "t16"."_p" AS "_p",
    "t16"."_n_ts" AS "_n_ts",
    "t16"."_n_seq" AS "_n_seq",
    "t16"."_n" AS "_n",
    "t16"."_rank" AS "_rank",
    COALESCE("t16"."_n", '(end)') AS "next"
  FROM (
    SELECT
      "t15"."person" AS "person",
      "t15"."label" AS "label",
      "t15"."_ts" AS "_ts",
      "t15"."_seq" AS "_seq",
      "t15"."_p" AS "_p",
      "t15"."_n_ts" AS "_n_ts",
      "t15"."_n_seq" AS "_n_seq",
      "t15"."_n" AS "_n",
      ROW_NUMBER() OVER (
        PARTITION BY "t15"."person", "t15"."label"
        ORDER BY "t15"."_n_ts" ASC, "t15"."_n_seq" ASC, "t15"."_n" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1 AS "_rank"
    FROM (
      SELECT
        "t14"."person" AS "person",
        "t14"."label" AS "label",
        "t14"."_ts" AS "_ts",
        "t14"."_seq" AS "_seq",
        "t4"."_p" AS "_p",
        "t4"."_n_ts" AS "_n_ts",
        "t4"."_n_seq" AS "_n_seq",
        "t4"."_n" AS "_n"
      FROM (
        SELECT
          "t12".*
          EXCEPT ("lost")
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t9"."person" AS "person",
              "t9"."label" AS "label",
              "t9"."_ts" AS "_ts",
              "t9"."_seq" AS "_seq",
              NOT (
                COALESCE(
                  (
                    "t10"."_c_ts" > "t9"."_ts"
                  )
                  OR (
                    (
                      "t10"."_c_ts" = "t9"."_ts"
                    ) AND (
                      "t10"."_c_seq" >= "t9"."_seq"
                    )
                  ),
                  FALSE
                )
              ) AS "lost"
            FROM (
              SELECT
                "t5"."person" AS "person",
                "t5"."label" AS "label",
                "t5"."ts" AS "_ts",
                "t5"."seq" AS "_seq"
              FROM (
                SELECT
                  "t2"."unit" AS "unit",
                  "t2"."person" AS "person",
                  "t2"."ts" AS "ts",
                  "t2"."seq" AS "seq",
                  "t2"."label" AS "label",
                  "t2"."event" AS "event",
                  "t2"."channel" AS "channel",
                  "t2"."value" AS "value",
                  "t2"."properties" AS "properties",
                  "t2"."converts" AS "converts",
                  ROW_NUMBER() OVER (
                    PARTITION BY "t2"."person", "t2"."label"
                    ORDER BY "t2"."ts" ASC, "t2"."seq" ASC
                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                  ) - 1 AS "_rank"
                FROM (
                  SELECT
                    "t0"."unit" AS "unit",
                    "t0"."person" AS "person",
                    "t0"."ts" AS "ts",
                    "t0"."seq" AS "seq",
                    "t0"."label" AS "label",
                    "t0"."event" AS "event",
                    "t0"."channel" AS "channel",
                    "t0"."value" AS "value",
                    "t0"."properties" AS "properties",
                    "t0"."label" IN ('order_completed') AS "converts"
                  FROM "journey_events" AS "t0"
                  WHERE
                    isNotNull("t0"."label") AND isNotNull("t0"."person")
                ) AS "t2"
              ) AS "t5"
              WHERE
                "t5"."_rank" = 0
            ) AS "t9"
            LEFT OUTER JOIN (
              SELECT
                "t6"."person" AS "_p",
                "t6"."ts" AS "_c_ts",
                "t6"."seq" AS "_c_seq"
              FROM (
                SELECT
                  "t3"."unit" AS "unit",
                  "t3"."person" AS "person",
                  "t3"."ts" AS "ts",
                  "t3"."seq" AS "seq",
                  "t3"."label" AS "label",
                  "t3"."event" AS "event",
                  "t3"."channel" AS "channel",
                  "t3"."value" AS "value",
                  "t3"."properties" AS "properties",
                  "t3"."converts" AS "converts",
                  ROW_NUMBER() OVER (
                    PARTITION BY "t3"."person"
                    ORDER BY "t3"."ts" DESC, "t3"."seq" DESC
                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                  ) - 1 AS "_rank"
                FROM (
                  SELECT
                    "t0"."unit" AS "unit",
                    "t0"."person" AS "person",
                    "t0"."ts" AS "ts",
                    "t0"."seq" AS "seq",
                    "t0"."label" AS "label",
                    "t0"."event" AS "event",
                    "t0"."channel" AS "channel",
                    "t0"."value" AS "value",
                    "t0"."properties" AS "properties",
                    "t0"."label" IN ('order_completed') AS "converts"
                  FROM "journey_events" AS "t0"
                  WHERE
                    isNotNull("t0"."label")
                    AND isNotNull("t0"."person")
                    AND "t0"."label" IN ('order_completed')
                ) AS "t3"
              ) AS "t6"
              WHERE
                "t6"."_rank" = 0
            ) AS "t10"
              ON "t9"."person" = "t10"."_p"
          ) AS "t11"
          WHERE
            "t11"."lost"
        ) AS "t12"
      ) AS "t14"
      LEFT OUTER JOIN (
        SELECT
          "t0"."person" AS "_p",
          "t0"."ts" AS "_n_ts",
          "t0"."seq" AS "_n_seq",
          "t0"."label" AS "_n"
        FROM "journey_events" AS "t0"
        WHERE
          isNotNull("t0"."label") AND isNotNull("t0"."person")
      ) AS "t4"
        ON "t14"."person" = "t4"."_p"
        AND "t14"."label" <> "t4"."_n"
        AND (
          (
            "t4"."_n_ts" > "t14"."_ts"
          )
          OR (
            (
              "t4"."_n_ts" = "t14"."_ts"
            ) AND (
              "t4"."_n_seq" > "t14"."_seq"
            )
          )
        )
    ) AS "t15"
  ) AS "t16"
  WHERE
    "t16"."_rank" = 0
) AS "t17"
GROUP BY
  "t17"."label",
  "t17"."next"
