SELECT
  "t9"."label",
  COUNT(*) AS "people",
  SUM(CASE WHEN "t9"."lost" THEN 1 ELSE 0 END) AS "lost"
FROM (
  SELECT
    "t7"."person",
    "t7"."label",
    "t7"."_ts",
    "t7"."_seq",
    NOT (
      COALESCE(
        (
          "t8"."_c_ts" > "t7"."_ts"
        )
        OR (
          (
            "t8"."_c_ts" = "t7"."_ts"
          ) AND (
            "t8"."_c_seq" >= "t7"."_seq"
          )
        ),
        FALSE
      )
    ) AS "lost"
  FROM (
    SELECT
      "t3"."person",
      "t3"."label",
      "t3"."ts" AS "_ts",
      "t3"."seq" AS "_seq"
    FROM (
      SELECT
        "t1"."unit",
        "t1"."person",
        "t1"."ts",
        "t1"."seq",
        "t1"."label",
        "t1"."event",
        "t1"."channel",
        "t1"."value",
        "t1"."properties",
        "t1"."converts",
        ROW_NUMBER() OVER (
          PARTITION BY "t1"."person", "t1"."label"
          ORDER BY "t1"."ts" ASC, "t1"."seq" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1 AS "_first_rank"
      FROM (
        SELECT
          "t0"."unit",
          "t0"."person",
          "t0"."ts",
          "t0"."seq",
          "t0"."label",
          "t0"."event",
          "t0"."channel",
          "t0"."value",
          "t0"."properties",
          "t0"."label" IN ('order_completed') AS "converts"
        FROM "journey_events" AS "t0"
        WHERE
          "t0"."label" IS NOT NULL AND "t0"."person" IS NOT NULL
      ) AS "t1"
    ) AS "t3"
    WHERE
      "t3"."_first_rank" = 0
  ) AS "t7"
  LEFT OUTER JOIN (
    SELECT
      "t4"."person" AS "_p",
      "t4"."ts" AS "_c_ts",
      "t4"."seq" AS "_c_seq"
    FROM (
      SELECT
        "t2"."unit",
        "t2"."person",
        "t2"."ts",
        "t2"."seq",
        "t2"."label",
        "t2"."event",
        "t2"."channel",
        "t2"."value",
        "t2"."properties",
        "t2"."converts",
        ROW_NUMBER() OVER (
          PARTITION BY "t2"."person"
          ORDER BY "t2"."ts" DESC, "t2"."seq" DESC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1 AS "_rank"
      FROM (
        SELECT
          "t0"."unit",
          "t0"."person",
          "t0"."ts",
          "t0"."seq",
          "t0"."label",
          "t0"."event",
          "t0"."channel",
          "t0"."value",
          "t0"."properties",
          "t0"."label" IN ('order_completed') AS "converts"
        FROM "journey_events" AS "t0"
        WHERE
          "t0"."label" IS NOT NULL
          AND "t0"."person" IS NOT NULL
          AND "t0"."label" IN ('order_completed')
      ) AS "t2"
    ) AS "t4"
    WHERE
      "t4"."_rank" = 0
  ) AS "t8"
    ON "t7"."person" = "t8"."_p"
) AS "t9"
GROUP BY
  1
