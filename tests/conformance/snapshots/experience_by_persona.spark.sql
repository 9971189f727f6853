SELECT
  `t25`.`group`,
  `t25`.`answers`,
  (
    CAST(`t25`.`nps_promoters` - `t25`.`nps_detractors` AS DOUBLE) * 100.0
  ) / NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) AS `nps`,
  `t25`.`nps_n`,
  `t25`.`nps_n` < 30 AS `nps_low`,
  IF(
    IF(
      (
        (
          (
            CAST(`t25`.`nps_promoters` - `t25`.`nps_detractors` AS DOUBLE) * 100.0
          ) / NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
        ) - (
          SQRT(
            CAST((
              `t25`.`nps_n` * (
                `t25`.`nps_promoters` + `t25`.`nps_detractors`
              )
            ) - (
              (
                `t25`.`nps_promoters` - `t25`.`nps_detractors`
              ) * (
                `t25`.`nps_promoters` - `t25`.`nps_detractors`
              )
            ) AS DOUBLE) / (
              NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
            )
          ) * 195.9963984540054
        )
      ) < -100.0,
      -100.0,
      (
        (
          CAST(`t25`.`nps_promoters` - `t25`.`nps_detractors` AS DOUBLE) * 100.0
        ) / NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
      ) - (
        SQRT(
          CAST((
            `t25`.`nps_n` * (
              `t25`.`nps_promoters` + `t25`.`nps_detractors`
            )
          ) - (
            (
              `t25`.`nps_promoters` - `t25`.`nps_detractors`
            ) * (
              `t25`.`nps_promoters` - `t25`.`nps_detractors`
            )
          ) AS DOUBLE) / (
            NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
          )
        ) * 195.9963984540054
      )
    ) > 100.0,
    100.0,
    IF(
      (
        (
          (
            CAST(`t25`.`nps_promoters` - `t25`.`nps_detractors` AS DOUBLE) * 100.0
          ) / NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
        ) - (
          SQRT(
            CAST((
              `t25`.`nps_n` * (
                `t25`.`nps_promoters` + `t25`.`nps_detractors`
              )
            ) - (
              (
                `t25`.`nps_promoters` - `t25`.`nps_detractors`
              ) * (
                `t25`.`nps_promoters` - `t25`.`nps_detractors`
              )
            ) AS DOUBLE) / (
              NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
            )
          ) * 195.9963984540054
        )
      ) < -100.0,
      -100.0,
      (
        (
          CAST(`t25`.`nps_promoters` - `t25`.`nps_detractors` AS DOUBLE) * 100.0
        ) / NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
      ) - (
        SQRT(
          CAST((
            `t25`.`nps_n` * (
              `t25`.`nps_promoters` + `t25`.`nps_detractors`
            )
          ) - (
            (
              `t25`.`nps_promoters` - `t25`.`nps_detractors`
            ) * (
              `t25`.`nps_promoters` - `t25`.`nps_detractors`
            )
          ) AS DOUBLE) / (
            NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
          )
        ) * 195.9963984540054
      )
    )
  ) AS `nps_ci_low`,
  IF(
    IF(
      (
        (
          (
            CAST(`t25`.`nps_promoters` - `t25`.`nps_detractors` AS DOUBLE) * 100.0
          ) / NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
        ) + (
          SQRT(
            CAST((
              `t25`.`nps_n` * (
                `t25`.`nps_promoters` + `t25`.`nps_detractors`
              )
            ) - (
              (
                `t25`.`nps_promoters` - `t25`.`nps_detractors`
              ) * (
                `t25`.`nps_promoters` - `t25`.`nps_detractors`
              )
            ) AS DOUBLE) / (
              NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
            )
          ) * 195.9963984540054
        )
      ) < -100.0,
      -100.0,
      (
        (
          CAST(`t25`.`nps_promoters` - `t25`.`nps_detractors` AS DOUBLE) * 100.0
        ) / NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
      ) + (
        SQRT(
          CAST((
            `t25`.`nps_n` * (
              `t25`.`nps_promoters` + `t25`.`nps_detractors`
            )
          ) - (
            (
              `t25`.`nps_promoters` - `t25`.`nps_detractors`
            ) * (
              `t25`.`nps_promoters` - `t25`.`nps_detractors`
            )
          ) AS DOUBLE) / (
            NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
          )
        ) * 195.9963984540054
      )
    ) > 100.0,
    100.0,
    IF(
      (
        (
          (
            CAST(`t25`.`nps_promoters` - `t25`.`nps_detractors` AS DOUBLE) * 100.0
          ) / NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
        ) + (
          SQRT(
            CAST((
              `t25`.`nps_n` * (
                `t25`.`nps_promoters` + `t25`.`nps_detractors`
              )
            ) - (
              (
                `t25`.`nps_promoters` - `t25`.`nps_detractors`
              ) * (
                `t25`.`nps_promoters` - `t25`.`nps_detractors`
              )
            ) AS DOUBLE) / (
              NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
            )
          ) * 195.9963984540054
        )
      ) < -100.0,
      -100.0,
      (
        (
          CAST(`t25`.`nps_promoters` - `t25`.`nps_detractors` AS DOUBLE) * 100.0
        ) / NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
      ) + (
        SQRT(
          CAST((
            `t25`.`nps_n` * (
              `t25`.`nps_promoters` + `t25`.`nps_detractors`
            )
          ) - (
            (
              `t25`.`nps_promoters` - `t25`.`nps_detractors`
            ) * (
              `t25`.`nps_promoters` - `t25`.`nps_detractors`
            )
          ) AS DOUBLE) / (
            NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0) * NULLIF(CAST(`t25`.`nps_n` AS DOUBLE), 0.0)
          )
        ) * 195.9963984540054
      )
    )
  ) AS `nps_ci_high`,
  `t25`.`nps_promoters`,
  `t25`.`nps_detractors`,
  `t25`.`csat_satisfied` / NULLIF(`t25`.`csat_n`, 0) AS `csat`,
  `t25`.`csat_n`,
  `t25`.`csat_n` < 30 AS `csat_low`,
  `t25`.`_csat_sum` / NULLIF(`t25`.`csat_n`, 0) AS `csat_mean`,
  `t25`.`csat_satisfied`,
  `t25`.`_ces_sum` / NULLIF(CAST(`t25`.`ces_n` AS DOUBLE), 0.0) AS `ces`,
  `t25`.`ces_n`,
  `t25`.`ces_n` < 30 AS `ces_low`,
  IF(
    `t25`.`ces_n` >= 2,
    SQRT(
      IF(
        (
          (
            (
              CAST(`t25`.`ces_n` AS DOUBLE) * `t25`.`_ces_sq`
            ) - (
              `t25`.`_ces_sum` * `t25`.`_ces_sum`
            )
          ) / NULLIF(CAST(`t25`.`ces_n` AS DOUBLE) * (
            CAST(`t25`.`ces_n` AS DOUBLE) - 1.0
          ), 0.0)
        ) < 0.0,
        0.0,
        (
          (
            CAST(`t25`.`ces_n` AS DOUBLE) * `t25`.`_ces_sq`
          ) - (
            `t25`.`_ces_sum` * `t25`.`_ces_sum`
          )
        ) / NULLIF(CAST(`t25`.`ces_n` AS DOUBLE) * (
          CAST(`t25`.`ces_n` AS DOUBLE) - 1.0
        ), 0.0)
      )
    ),
    CAST(NULL AS DOUBLE)
  ) AS `ces_sd`,
  `t25`.`ces_easy_n` / NULLIF(`t25`.`ces_n`, 0) AS `ces_easy`,
  `t25`.`ces_easy_n`,
  `t25`.`_rating_sum` / NULLIF(CAST(`t25`.`rating_n` AS DOUBLE), 0.0) AS `rating`,
  `t25`.`rating_n`,
  `t25`.`rating_n` < 30 AS `rating_low`,
  IF(
    `t25`.`rating_n` >= 2,
    SQRT(
      IF(
        (
          (
            (
              CAST(`t25`.`rating_n` AS DOUBLE) * `t25`.`_rating_sq`
            ) - (
              `t25`.`_rating_sum` * `t25`.`_rating_sum`
            )
          ) / NULLIF(
            CAST(`t25`.`rating_n` AS DOUBLE) * (
              CAST(`t25`.`rating_n` AS DOUBLE) - 1.0
            ),
            0.0
          )
        ) < 0.0,
        0.0,
        (
          (
            CAST(`t25`.`rating_n` AS DOUBLE) * `t25`.`_rating_sq`
          ) - (
            `t25`.`_rating_sum` * `t25`.`_rating_sum`
          )
        ) / NULLIF(
          CAST(`t25`.`rating_n` AS DOUBLE) * (
            CAST(`t25`.`rating_n` AS DOUBLE) - 1.0
          ),
          0.0
        )
      )
    ),
    CAST(NULL AS DOUBLE)
  ) AS `rating_sd`
FROM (
  SELECT
    `t24`.`group`,
    COUNT(*) AS `answers`,
    SUM(IF(`t24`.`metric` = 'nps', 1, 0)) AS `nps_n`,
    SUM(IF((
      `t24`.`metric` = 'nps'
    ) AND (
      `t24`.`score` >= 9
    ), 1, 0)) AS `nps_promoters`,
    SUM(IF((
      `t24`.`metric` = 'nps'
    ) AND (
      `t24`.`score` <= 6
    ), 1, 0)) AS `nps_detractors`,
    SUM(IF(`t24`.`metric` = 'csat', 1, 0)) AS `csat_n`,
    SUM(IF((
      `t24`.`metric` = 'csat'
    ) AND (
      `t24`.`score` >= 4
    ), 1, 0)) AS `csat_satisfied`,
    SUM(IF(`t24`.`metric` = 'csat', `t24`.`score`, 0.0)) AS `_csat_sum`,
    SUM(IF(`t24`.`metric` = 'ces', 1, 0)) AS `ces_n`,
    SUM(IF((
      `t24`.`metric` = 'ces'
    ) AND (
      `t24`.`score` <= 3
    ), 1, 0)) AS `ces_easy_n`,
    SUM(IF(`t24`.`metric` = 'ces', `t24`.`score`, 0.0)) AS `_ces_sum`,
    SUM(IF(`t24`.`metric` = 'ces', `t24`.`score` * `t24`.`score`, 0.0)) AS `_ces_sq`,
    SUM(IF(`t24`.`metric` = 'rating', 1, 0)) AS `rating_n`,
    SUM(
      IF(
        `t24`.`metric` = 'rating',
        (
          (
            (
              `t24`.`score` - `t24`.`scale_min`
            ) * 4.0
          ) / (
            `t24`.`scale_max` - `t24`.`scale_min`
          )
        ) + 1.0,
        0.0
      )
    ) AS `_rating_sum`,
    SUM(
      IF(
        `t24`.`metric` = 'rating',
        (
          (
            (
              (
                `t24`.`score` - `t24`.`scale_min`
              ) * 4.0
            ) / (
              `t24`.`scale_max` - `t24`.`scale_min`
            )
          ) + 1.0
        ) * (
          (
            (
              (
                `t24`.`score` - `t24`.`scale_min`
              ) * 4.0
            ) / (
              `t24`.`scale_max` - `t24`.`scale_min`
            )
          ) + 1.0
        ),
        0.0
      )
    ) AS `_rating_sq`
  FROM (
    SELECT
      `t23`.`seq`,
      `t23`.`response_id`,
      `t23`.`person`,
      `t23`.`ts`,
      `t23`.`metric`,
      `t23`.`score`,
      `t23`.`scale_min`,
      `t23`.`scale_max`,
      `t23`.`touchpoint`,
      `t23`.`stage`,
      `t23`.`channel`,
      `t23`.`link`,
      `t23`.`known_person`,
      `t23`.`problem`,
      `t23`.`satisfaction`,
      `t23`.`emotion`,
      `t23`.`group`
    FROM (
      SELECT
        `t22`.`seq`,
        `t22`.`response_id`,
        `t22`.`person`,
        `t22`.`ts`,
        `t22`.`metric`,
        `t22`.`score`,
        `t22`.`scale_min`,
        `t22`.`scale_max`,
        `t22`.`touchpoint`,
        `t22`.`stage`,
        `t22`.`channel`,
        `t22`.`link`,
        `t22`.`known_person`,
        `t22`.`problem`,
        `t22`.`satisfaction`,
        `t22`.`emotion`,
        `t22`.`_who`,
        `t22`.`_persona`,
        COALESCE(`t22`.`_persona`, '(no persona)') AS `group`
      FROM (
        SELECT
          `t21`.`seq`,
          `t21`.`response_id`,
          `t21`.`person`,
          `t21`.`ts`,
          `t21`.`metric`,
          `t21`.`score`,
          `t21`.`scale_min`,
          `t21`.`scale_max`,
          `t21`.`touchpoint`,
          `t21`.`stage`,
          `t21`.`channel`,
          `t21`.`link`,
          `t21`.`known_person`,
          `t21`.`problem`,
          `t21`.`satisfaction`,
          `t21`.`emotion`,
          `t5`.`_who`,
          `t5`.`_persona`
        FROM (
          SELECT
            `t19`.`seq`,
            `t19`.`response_id`,
            `t19`.`person`,
            `t19`.`ts`,
            `t19`.`metric`,
            `t19`.`score`,
            `t19`.`scale_min`,
            `t19`.`scale_max`,
            `t19`.`touchpoint`,
            `t19`.`stage`,
            `t19`.`channel`,
            `t19`.`link`,
            `t19`.`known_person`,
            `t19`.`problem`,
            IF(
              `t19`.`problem` IS NULL,
              CASE
                WHEN `t19`.`metric` = 'ces'
                THEN (
                  `t19`.`scale_max` - `t19`.`score`
                ) / NULLIF(`t19`.`scale_max` - `t19`.`scale_min`, 0.0)
                ELSE (
                  `t19`.`score` - `t19`.`scale_min`
                ) / NULLIF(`t19`.`scale_max` - `t19`.`scale_min`, 0.0)
              END,
              CAST(NULL AS DOUBLE)
            ) AS `satisfaction`,
            IF(
              `t19`.`problem` IS NULL,
              CASE
                WHEN `t19`.`metric` = 'nps'
                THEN CASE WHEN `t19`.`score` >= 9 THEN 2.0 WHEN `t19`.`score` <= 6 THEN -2.0 ELSE 0.0 END
                WHEN `t19`.`metric` = 'csat'
                THEN `t19`.`score` - 3.0
                WHEN `t19`.`metric` = 'ces'
                THEN (
                  (
                    4.0 - `t19`.`score`
                  ) * 2.0
                ) / 3.0
                ELSE (
                  (
                    (
                      `t19`.`score` - `t19`.`scale_min`
                    ) * 4.0
                  ) / NULLIF(`t19`.`scale_max` - `t19`.`scale_min`, 0.0)
                ) - 2.0
              END,
              CAST(NULL AS DOUBLE)
            ) AS `emotion`
          FROM (
            SELECT
              `t18`.`seq`,
              `t18`.`response_id`,
              `t18`.`person`,
              `t18`.`ts`,
              `t18`.`metric`,
              `t18`.`score`,
              `t18`.`scale_min`,
              `t18`.`scale_max`,
              `t18`.`touchpoint`,
              `t18`.`stage`,
              `t18`.`channel`,
              `t18`.`link`,
              `t18`.`known_person`,
              CASE
                WHEN (
                  `t18`.`metric` IS NULL
                )
                OR NOT (
                  `t18`.`metric` IN ('nps', 'csat', 'ces', 'rating')
                )
                THEN 'unknown_metric'
                WHEN `t18`.`score` IS NULL
                OR ISNAN(`t18`.`score`)
                OR COALESCE(ISNAN(`t18`.`score`), FALSE)
                OR (
                  `t18`.`scale_min` IS NULL
                  OR ISNAN(`t18`.`scale_min`)
                  OR (
                    `t18`.`scale_max` IS NULL OR ISNAN(`t18`.`scale_max`)
                  )
                  OR (
                    `t18`.`scale_min` >= `t18`.`scale_max`
                  )
                )
                OR (
                  (
                    `t18`.`score` < `t18`.`scale_min`
                  )
                  OR (
                    `t18`.`score` > `t18`.`scale_max`
                  )
                )
                THEN 'out_of_scale'
                WHEN (
                  (
                    `t18`.`metric` = 'nps'
                  )
                  AND (
                    (
                      `t18`.`scale_min` <> 0.0
                    ) OR (
                      `t18`.`scale_max` <> 10.0
                    )
                  )
                )
                OR (
                  (
                    `t18`.`metric` = 'csat'
                  )
                  AND (
                    (
                      `t18`.`scale_min` <> 1.0
                    ) OR (
                      `t18`.`scale_max` <> 5.0
                    )
                  )
                )
                OR (
                  (
                    `t18`.`metric` = 'ces'
                  )
                  AND (
                    (
                      `t18`.`scale_min` <> 1.0
                    ) OR (
                      `t18`.`scale_max` <> 7.0
                    )
                  )
                )
                THEN 'other_scale'
                ELSE CAST(NULL AS STRING)
              END AS `problem`
            FROM (
              SELECT
                `t6`.`seq`,
                `t6`.`response_id`,
                `t6`.`person`,
                `t6`.`ts`,
                `t6`.`metric`,
                `t6`.`score`,
                `t6`.`scale_min`,
                `t6`.`scale_max`,
                COALESCE(`t6`.`_named_tp`, `t17`.`_last`) AS `touchpoint`,
                COALESCE(
                  CASE COALESCE(`t6`.`_named_tp`, `t17`.`_last`)
                    WHEN 'ad'
                    THEN 'awareness'
                    WHEN 'product'
                    THEN 'consideration'
                    WHEN 'checkout'
                    THEN 'purchase'
                    WHEN 'call'
                    THEN 'support'
                    ELSE CAST(NULL AS STRING)
                  END,
                  `t6`.`_named_stage`
                ) AS `stage`,
                CASE COALESCE(`t6`.`_named_tp`, `t17`.`_last`)
                  WHEN 'ad'
                  THEN 'ads'
                  WHEN 'product'
                  THEN 'web'
                  WHEN 'checkout'
                  THEN 'web'
                  WHEN 'call'
                  THEN 'phone'
                  ELSE CAST(NULL AS STRING)
                END AS `channel`,
                CASE
                  WHEN (
                    `t6`.`_named_tp` IS NOT NULL
                  )
                  AND `t6`.`_named_tp` IN ('ad', 'product', 'checkout', 'call')
                  THEN 'touchpoint'
                  WHEN `t6`.`_named_tp` IS NOT NULL
                  THEN 'unknown_touchpoint'
                  WHEN (
                    `t6`.`_named_stage` IS NOT NULL
                  )
                  AND `t6`.`_named_stage` IN ('awareness', 'consideration', 'purchase', 'support')
                  THEN 'stage'
                  WHEN `t6`.`_named_stage` IS NOT NULL
                  THEN 'unknown_stage'
                  WHEN `t17`.`_last` IS NOT NULL
                  THEN 'last_touch'
                  ELSE 'unlinked'
                END AS `link`,
                COALESCE(`t13`.`_known`, 0) = 1 AS `known_person`
              FROM (
                SELECT
                  `t1`.`seq`,
                  `t1`.`response_id`,
                  `t1`.`ts`,
                  `t1`.`metric`,
                  `t1`.`score`,
                  `t1`.`scale_min`,
                  `t1`.`scale_max`,
                  `t1`.`person_id` AS `person`,
                  `t1`.`touchpoint` AS `_named_tp`,
                  `t1`.`stage` AS `_named_stage`
                FROM `feedback` AS `t1`
              ) AS `t6`
              LEFT OUTER JOIN (
                SELECT
                  `t15`.`_a_seq`,
                  `t15`.`_t_label` AS `_last`
                FROM (
                  SELECT
                    `t14`.`_a_seq`,
                    `t14`.`_a_person`,
                    `t14`.`_a_ts`,
                    `t14`.`_t_person`,
                    `t14`.`_t_ts`,
                    `t14`.`_t_seq`,
                    `t14`.`_t_label`,
                    ROW_NUMBER() OVER (PARTITION BY `t14`.`_a_seq` ORDER BY `t14`.`_t_ts` DESC, `t14`.`_t_seq` DESC) - 1 AS `_rank`
                  FROM (
                    SELECT
                      `t10`.`_a_seq`,
                      `t10`.`_a_person`,
                      `t10`.`_a_ts`,
                      `t11`.`_t_person`,
                      `t11`.`_t_ts`,
                      `t11`.`_t_seq`,
                      `t11`.`_t_label`
                    FROM (
                      SELECT
                        `t1`.`seq` AS `_a_seq`,
                        `t1`.`person_id` AS `_a_person`,
                        `t1`.`ts` AS `_a_ts`
                      FROM `feedback` AS `t1`
                      WHERE
                        `t1`.`touchpoint` IS NULL
                        AND `t1`.`stage` IS NULL
                        AND `t1`.`person_id` IS NOT NULL
                    ) AS `t10`
                    INNER JOIN (
                      SELECT
                        `t2`.`person` AS `_t_person`,
                        `t2`.`ts` AS `_t_ts`,
                        `t2`.`seq` AS `_t_seq`,
                        `t2`.`label` AS `_t_label`
                      FROM `journey_events` AS `t2`
                      WHERE
                        `t2`.`label` IS NOT NULL AND `t2`.`person` IS NOT NULL
                    ) AS `t11`
                      ON `t10`.`_a_person` = `t11`.`_t_person` AND `t11`.`_t_ts` <= `t10`.`_a_ts`
                  ) AS `t14`
                ) AS `t15`
                WHERE
                  `t15`.`_rank` = 0
              ) AS `t17`
                ON `t6`.`seq` = `t17`.`_a_seq`
              LEFT OUTER JOIN (
                SELECT
                  `t8`.`_k_person`,
                  1 AS `_known`
                FROM (
                  SELECT DISTINCT
                    `t2`.`person` AS `_k_person`
                  FROM `journey_events` AS `t2`
                  WHERE
                    `t2`.`person` IS NOT NULL
                ) AS `t8`
              ) AS `t13`
                ON `t6`.`person` = `t13`.`_k_person`
            ) AS `t18`
          ) AS `t19`
          WHERE
            `t19`.`problem` IS NULL
        ) AS `t21`
        LEFT OUTER JOIN (
          SELECT
            `t0`.`person_id` AS `_who`,
            `t0`.`persona` AS `_persona`
          FROM `personas` AS `t0`
        ) AS `t5`
          ON `t21`.`person` = `t5`.`_who`
      ) AS `t22`
    ) AS `t23`
  ) AS `t24`
  GROUP BY
    1
) AS `t25`
