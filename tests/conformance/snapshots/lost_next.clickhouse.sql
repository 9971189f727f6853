WITH "t1" AS (
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
), "t12" AS (
  SELECT
    "t11"."person" AS "person",
    "t11"."label" AS "label",
    "t11"."_run" AS "_run",
    leadInFrame("t11"."label") OVER (
      PARTITION BY "t11"."person"
      ORDER BY "t11"."_run" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "_next",
    MAX("t11"."_run") OVER (
      PARTITION BY "t11"."person"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "_last"
  FROM (
    SELECT
      "t6"."person" AS "person",
      "t6"."label" AS "label",
      "t6"."_i" AS "_run"
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
          ORDER BY "t3"."ts" ASC, "t3"."seq" ASC, "t3"."label" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1 AS "_i",
        lagInFrame("t3"."label") OVER (
          PARTITION BY "t3"."person"
          ORDER BY "t3"."ts" ASC, "t3"."seq" ASC, "t3"."label" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "_before"
      FROM "t1" AS "t3"
    ) AS "t6"
    WHERE
      (
        "t6"."_i" = 0
      ) OR (
        "t6"."label" <> "t6"."_before"
      )
  ) AS "t11"
)
SELECT
  "t22"."label" AS "label",
  "t22"."next" AS "next",
  COUNT(*) AS "people"
FROM (
  SELECT
    "t19"."_l_label" AS "label",
    "t21"."next" AS "next"
  FROM (
    SELECT
      "t15"."person" AS "_l_person",
      "t15"."label" AS "_l_label"
    FROM (
      SELECT
        "t10"."person" AS "person",
        "t10"."label" AS "label",
        "t10"."_ts" AS "_ts",
        "t10"."_seq" AS "_seq",
        NOT (
          COALESCE(
            (
              "t9"."_c_ts" > "t10"."_ts"
            )
            OR (
              (
                "t9"."_c_ts" = "t10"."_ts"
              ) AND (
                "t9"."_c_seq" >= "t10"."_seq"
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
              PARTITION BY "t3"."person", "t3"."label"
              ORDER BY "t3"."ts" ASC, "t3"."seq" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1 AS "_first_rank"
          FROM "t1" AS "t3"
        ) AS "t5"
        WHERE
          "t5"."_first_rank" = 0
      ) AS "t10"
      LEFT OUTER JOIN (
        SELECT
          "t4"."person" AS "_p",
          "t4"."ts" AS "_c_ts",
          "t4"."seq" AS "_c_seq"
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
              PARTITION BY "t2"."person"
              ORDER BY "t2"."ts" DESC, "t2"."seq" DESC
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
          ) AS "t2"
        ) AS "t4"
        WHERE
          "t4"."_rank" = 0
      ) AS "t9"
        ON "t10"."person" = "t9"."_p"
    ) AS "t15"
    WHERE
      "t15"."lost"
  ) AS "t19"
  INNER JOIN (
    SELECT
      "t18"."person" AS "_f_person",
      "t18"."label" AS "_f_label",
      CASE WHEN "t18"."_run" = "t14"."_last" THEN '(end)' ELSE "t14"."_next" END AS "next"
    FROM (
      SELECT
        "t13"."person" AS "person",
        "t13"."label" AS "label",
        MIN("t13"."_run") AS "_run"
      FROM "t12" AS "t13"
      GROUP BY
        "t13"."person",
        "t13"."label"
    ) AS "t18"
    INNER JOIN "t12" AS "t14"
      ON "t18"."person" = "t14"."person"
      AND "t18"."label" = "t14"."label"
      AND "t18"."_run" = "t14"."_run"
  ) AS "t21"
    ON "t19"."_l_person" = "t21"."_f_person" AND "t19"."_l_label" = "t21"."_f_label"
) AS "t22"
GROUP BY
  "t22"."label",
  "t22"."next"
