WITH `t2` AS (
  SELECT
    *
  FROM `journey_events` AS `t0`
  WHERE
    `t0`.`person` IS NOT NULL AND `t0`.`label` IS NOT NULL
), `t7` AS (
  SELECT
    `t4`.`seq`,
    `t4`.`response_id`,
    `t4`.`person`,
    `t4`.`ts`,
    `t4`.`metric`,
    `t4`.`score`,
    `t4`.`scale_min`,
    `t4`.`scale_max`,
    `t4`.`touchpoint`,
    `t4`.`stage`,
    `t4`.`channel`,
    `t4`.`link`,
    `t4`.`known_person`,
    `t4`.`problem`,
    `t4`.`satisfaction`,
    `t4`.`emotion`,
    ROW_NUMBER() OVER (PARTITION BY `t4`.`person` ORDER BY `t4`.`ts` DESC, `t4`.`seq` DESC) - 1 AS `_rank`
  FROM (
    SELECT
      *
    FROM `answers` AS `t1`
    WHERE
      `t1`.`problem` IS NULL AND `t1`.`person` IS NOT NULL AND `t1`.`metric` = 'nps'
  ) AS `t4`
), `t10` AS (
  SELECT
    `t5`.`unit`,
    `t5`.`person`,
    `t5`.`ts`,
    `t5`.`seq`,
    `t5`.`label`,
    `t5`.`event`,
    `t5`.`channel`,
    `t5`.`value`,
    `t5`.`properties`,
    ROW_NUMBER() OVER (
      PARTITION BY `t5`.`person`, `t5`.`label`
      ORDER BY `t5`.`ts` ASC NULLS LAST, `t5`.`seq` ASC NULLS LAST
    ) - 1 AS `_nth`,
    (
      ROW_NUMBER() OVER (
        PARTITION BY `t5`.`person`
        ORDER BY `t5`.`ts` ASC NULLS LAST, `t5`.`seq` ASC NULLS LAST
      ) - 1
    ) = 0 AS `_first`,
    DATEDIFF(
      MICROSECOND,
      LAG(`t5`.`ts`) OVER (
        PARTITION BY `t5`.`person`
        ORDER BY `t5`.`ts` ASC NULLS LAST, `t5`.`seq` ASC NULLS LAST
      ),
      `t5`.`ts`
    ) AS `_gap`
  FROM `t2` AS `t5`
), `t14` AS (
  SELECT
    `t6`.`person`,
    `t6`.`_place`,
    MIN(`t6`.`ts`) AS `_ts`,
    MIN(
      CASE
        WHEN (
          (
            `t6`.`metric` = 'csat'
          ) AND (
            `t6`.`score` <= 2
          )
        )
        OR (
          (
            `t6`.`metric` = 'ces'
          ) AND (
            `t6`.`score` >= 5
          )
        )
        OR (
          (
            `t6`.`metric` = 'rating'
          ) AND (
            `t6`.`satisfaction` <= 0.25
          )
        )
        THEN `t6`.`ts`
        ELSE NULL
      END
    ) AS `_bad`
  FROM (
    SELECT
      `t1`.`seq`,
      `t1`.`response_id`,
      `t1`.`person`,
      `t1`.`ts`,
      `t1`.`metric`,
      `t1`.`score`,
      `t1`.`scale_min`,
      `t1`.`scale_max`,
      `t1`.`touchpoint`,
      `t1`.`stage`,
      `t1`.`channel`,
      `t1`.`link`,
      `t1`.`known_person`,
      `t1`.`problem`,
      `t1`.`satisfaction`,
      `t1`.`emotion`,
      COALESCE(`t1`.`touchpoint`, `t1`.`stage`) AS `_place`
    FROM `answers` AS `t1`
    WHERE
      `t1`.`problem` IS NULL
      AND `t1`.`person` IS NOT NULL
      AND `t1`.`metric` IN ('csat', 'ces', 'rating')
      AND COALESCE(`t1`.`touchpoint`, `t1`.`stage`) IS NOT NULL
  ) AS `t6`
  GROUP BY
    1,
    2
), `t22` AS (
  SELECT
    *
  FROM `t10` AS `t11`
  WHERE
    `t11`.`_nth` = 0 AND NOT (
      `t11`.`_first`
    )
)
SELECT
  `t44`.`driver`,
  `t44`.`kind`,
  `t44`.`place`,
  SUM(
    IF(
      `t44`.`nps` IS NOT NULL
      AND NOT ISNAN(`t44`.`nps`)
      AND COALESCE(`t44`.`ts` <= `t44`.`nps_ts`, FALSE),
      1,
      0
    )
  ) AS `nps_n`,
  SUM(
    IF(
      `t44`.`nps` IS NOT NULL
      AND NOT ISNAN(`t44`.`nps`)
      AND COALESCE(`t44`.`ts` <= `t44`.`nps_ts`, FALSE)
      AND COALESCE(`t44`.`nps` >= 9, FALSE),
      1,
      0
    )
  ) AS `promoters`,
  SUM(
    IF(
      `t44`.`nps` IS NOT NULL
      AND NOT ISNAN(`t44`.`nps`)
      AND COALESCE(`t44`.`ts` <= `t44`.`nps_ts`, FALSE)
      AND COALESCE(`t44`.`nps` <= 6, FALSE),
      1,
      0
    )
  ) AS `detractors`,
  SUM(
    IF(
      (
        `t44`.`converted_at` IS NULL
      )
      OR COALESCE(`t44`.`ts` < `t44`.`converted_at`, FALSE),
      1,
      0
    )
  ) AS `conversion_n`,
  SUM(
    IF(
      (
        (
          `t44`.`converted_at` IS NULL
        )
        OR COALESCE(`t44`.`ts` < `t44`.`converted_at`, FALSE)
      )
      AND (
        `t44`.`converted_at` IS NOT NULL
      ),
      1,
      0
    )
  ) AS `converted`,
  SUM(
    IF(
      COALESCE(`t44`.`first_buy` < CAST('2026-03-02T01:40:00' AS TIMESTAMP), FALSE)
      AND COALESCE(`t44`.`ts` < CAST('2026-03-02T01:40:00' AS TIMESTAMP), FALSE),
      1,
      0
    )
  ) AS `churn_n`,
  SUM(
    IF(
      COALESCE(`t44`.`first_buy` < CAST('2026-03-02T01:40:00' AS TIMESTAMP), FALSE)
      AND COALESCE(`t44`.`ts` < CAST('2026-03-02T01:40:00' AS TIMESTAMP), FALSE)
      AND (
        COALESCE(`t44`.`first_buy` < CAST('2026-03-02T01:40:00' AS TIMESTAMP), FALSE)
        AND COALESCE(`t44`.`last_buy` < CAST('2026-03-02T01:40:00' AS TIMESTAMP), FALSE)
      ),
      1,
      0
    )
  ) AS `churned`
FROM (
  SELECT
    `t43`.`person`,
    `t43`.`driver`,
    `t43`.`kind`,
    `t43`.`place`,
    `t43`.`ts`,
    `t35`.`_o_person`,
    `t35`.`nps`,
    `t35`.`nps_ts`,
    `t35`.`first_buy`,
    `t35`.`last_buy`,
    `t35`.`converted_at`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t11`.`person`,
          CONCAT('contact:', `t11`.`label`) AS `driver`,
          'contact' AS `kind`,
          `t11`.`label` AS `place`,
          CAST(`t11`.`ts` AS TIMESTAMP) AS `ts`
        FROM `t10` AS `t11`
        WHERE
          `t11`.`_nth` = 0
      ) AS `t20`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          `t11`.`person`,
          CONCAT('repeat:', `t11`.`label`) AS `driver`,
          'repeat' AS `kind`,
          `t11`.`label` AS `place`,
          CAST(`t11`.`ts` AS TIMESTAMP) AS `ts`
        FROM `t10` AS `t11`
        WHERE
          `t11`.`_nth` = 1
      ) AS `t21`
    ) AS `t23`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t39`.`person`,
          CONCAT('long_wait:', `t39`.`label`) AS `driver`,
          'long_wait' AS `kind`,
          `t39`.`label` AS `place`,
          CAST(`t39`.`ts` AS TIMESTAMP) AS `ts`
        FROM (
          SELECT
            `t26`.`unit`,
            `t26`.`person`,
            `t26`.`ts`,
            `t26`.`seq`,
            `t26`.`label`,
            `t26`.`event`,
            `t26`.`channel`,
            `t26`.`value`,
            `t26`.`properties`,
            `t26`.`_nth`,
            `t26`.`_first`,
            `t26`.`_gap`,
            `t38`.`_w_label`,
            `t38`.`_p90`,
            `t38`.`_waits`
          FROM `t22` AS `t26`
          INNER JOIN (
            SELECT
              `t36`.`label` AS `_w_label`,
              `t36`.`_p90`,
              `t36`.`_waits`
            FROM (
              SELECT
                `t33`.`label`,
                MAX(
                  CASE
                    WHEN (
                      (
                        (
                          `t33`.`_through` - `t33`.`_k`
                        ) * 10
                      ) < (
                        `t33`.`_n` * 9
                      )
                    )
                    AND (
                      (
                        `t33`.`_n` * 9
                      ) <= (
                        `t33`.`_through` * 10
                      )
                    )
                    THEN `t33`.`_gap`
                    ELSE NULL
                  END
                ) AS `_p90`,
                SUM(`t33`.`_k`) AS `_waits`
              FROM (
                SELECT
                  `t30`.`label`,
                  `t30`.`_gap`,
                  `t30`.`_k`,
                  SUM(`t30`.`_k`) OVER (
                    PARTITION BY `t30`.`label`
                    ORDER BY `t30`.`_gap` ASC NULLS LAST
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
                  ) AS `_through`,
                  SUM(`t30`.`_k`) OVER (
                    PARTITION BY `t30`.`label`
                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                  ) AS `_n`
                FROM (
                  SELECT
                    `t24`.`label`,
                    `t24`.`_gap`,
                    COUNT(*) AS `_k`
                  FROM `t22` AS `t24`
                  GROUP BY
                    1,
                    2
                ) AS `t30`
              ) AS `t33`
              GROUP BY
                1
            ) AS `t36`
          ) AS `t38`
            ON `t26`.`label` = `t38`.`_w_label`
        ) AS `t39`
        WHERE
          `t39`.`_waits` >= 10 AND `t39`.`_gap` > `t39`.`_p90`
      ) AS `t40`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t17`.`person`,
            CONCAT('bad_score:', `t17`.`_place`) AS `driver`,
            'bad_score' AS `kind`,
            `t17`.`_place` AS `place`,
            CAST(`t17`.`_bad` AS TIMESTAMP) AS `ts`
          FROM `t14` AS `t17`
          WHERE
            `t17`.`_bad` IS NOT NULL
        ) AS `t27`
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            `t17`.`person`,
            CONCAT('answered:', `t17`.`_place`) AS `driver`,
            'answered' AS `kind`,
            `t17`.`_place` AS `place`,
            CAST(`t17`.`_ts` AS TIMESTAMP) AS `ts`
          FROM `t14` AS `t17`
        ) AS `t28`
      ) AS `t31`
    ) AS `t41`
  ) AS `t43`
  INNER JOIN (
    SELECT
      `t32`.`person` AS `_o_person`,
      `t32`.`nps`,
      `t32`.`nps_ts`,
      `t32`.`first_buy`,
      `t32`.`last_buy`,
      `t32`.`converted_at`
    FROM (
      SELECT
        `t29`.`person`,
        `t18`.`nps`,
        `t18`.`nps_ts`,
        `t13`.`first_buy`,
        `t13`.`last_buy`,
        `t13`.`converted_at`
      FROM (
        SELECT DISTINCT
          *
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `t0`.`person`
            FROM `journey_events` AS `t0`
            WHERE
              `t0`.`person` IS NOT NULL AND `t0`.`label` IS NOT NULL
          ) AS `t3`
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              `t9`.`person`
            FROM `t7` AS `t9`
            WHERE
              `t9`.`_rank` = 0
          ) AS `t16`
        ) AS `t19`
      ) AS `t29`
      LEFT OUTER JOIN (
        SELECT
          `t8`.`person` AS `_b_person`,
          `t8`.`first_buy`,
          `t8`.`last_buy`,
          `t8`.`converted_at`
        FROM (
          SELECT
            `t5`.`person`,
            MIN(CASE WHEN `t5`.`label` IN ('checkout', 'till') THEN `t5`.`ts` ELSE NULL END) AS `first_buy`,
            MAX(CASE WHEN `t5`.`label` IN ('checkout', 'till') THEN `t5`.`ts` ELSE NULL END) AS `last_buy`,
            MIN(CASE WHEN `t5`.`label` IN ('checkout') THEN `t5`.`ts` ELSE NULL END) AS `converted_at`
          FROM `t2` AS `t5`
          GROUP BY
            1
        ) AS `t8`
      ) AS `t13`
        ON `t29`.`person` = `t13`.`_b_person`
      LEFT OUTER JOIN (
        SELECT
          `t9`.`person` AS `_n_person`,
          `t9`.`score` AS `nps`,
          `t9`.`ts` AS `nps_ts`
        FROM `t7` AS `t9`
        WHERE
          `t9`.`_rank` = 0
      ) AS `t18`
        ON `t29`.`person` = `t18`.`_n_person`
    ) AS `t32`
  ) AS `t35`
    ON `t43`.`person` = `t35`.`_o_person`
) AS `t44`
GROUP BY
  1,
  2,
  3
