SELECT
  `t17`.`label`,
  `t17`.`next`,
  COUNT(*) AS `people`
FROM (
  SELECT
    `t16`.`person`,
    `t16`.`label`,
    `t16`.`_ts`,
    `t16`.`_seq`,
    `t16`.`_p`,
    `t16`.`_n_ts`,
    `t16`.`_n_seq`,
    `t16`.`_n`,
    `t16`.`_rank`,
    COALESCE(`t16`.`_n`, '(end)') AS `next`
  FROM (
    SELECT
      `t15`.`person`,
      `t15`.`label`,
      `t15`.`_ts`,
      `t15`.`_seq`,
      `t15`.`_p`,
      `t15`.`_n_ts`,
      `t15`.`_n_seq`,
      `t15`.`_n`,
      ROW_NUMBER() OVER (
        PARTITION BY `t15`.`person`, `t15`.`label`
        ORDER BY `t15`.`_n_ts` ASC NULLS LAST, `t15`.`_n_seq` ASC NULLS LAST, `t15`.`_n` ASC NULLS LAST
      ) - 1 AS `_rank`
    FROM (
      SELECT
        `t14`.`person`,
        `t14`.`label`,
        `t14`.`_ts`,
        `t14`.`_seq`,
        `t4`.`_p`,
        `t4`.`_n_ts`,
        `t4`.`_n_seq`,
        `t4`.`_n`
      FROM (
        SELECT
          `t12`.`person`,
          `t12`.`label`,
          `t12`.`_ts`,
          `t12`.`_seq`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `t9`.`person`,
              `t9`.`label`,
              `t9`.`_ts`,
              `t9`.`_seq`,
              NOT (
                COALESCE(
                  (
                    `t10`.`_c_ts` > `t9`.`_ts`
                  )
                  OR (
                    (
                      `t10`.`_c_ts` = `t9`.`_ts`
                    ) AND (
                      `t10`.`_c_seq` >= `t9`.`_seq`
                    )
                  ),
                  FALSE
                )
              ) AS `lost`
            FROM (
              SELECT
                `t5`.`person`,
                `t5`.`label`,
                `t5`.`ts` AS `_ts`,
                `t5`.`seq` AS `_seq`
              FROM (
                SELECT
                  `t2`.`unit`,
                  `t2`.`person`,
                  `t2`.`ts`,
                  `t2`.`seq`,
                  `t2`.`label`,
                  `t2`.`event`,
                  `t2`.`channel`,
                  `t2`.`value`,
                  `t2`.`properties`,
                  `t2`.`converts`,
                  ROW_NUMBER() OVER (
                    PARTITION BY `t2`.`person`, `t2`.`label`
                    ORDER BY `t2`.`ts` ASC NULLS LAST, `t2`.`seq` ASC NULLS LAST
                  ) - 1 AS `_rank`
                FROM (
                  SELECT
                    `t0`.`unit`,
                    `t0`.`person`,
                    `t0`.`ts`,
                    `t0`.`seq`,
                    `t0`.`label`,
                    `t0`.`event`,
                    `t0`.`channel`,
                    `t0`.`value`,
                    `t0`.`properties`,
                    `t0`.`label` IN ('order_completed') AS `converts`
                  FROM `journey_events` AS `t0`
                  WHERE
                    `t0`.`label` IS NOT NULL AND `t0`.`person` IS NOT NULL
                ) AS `t2`
              ) AS `t5`
              WHERE
                `t5`.`_rank` = 0
            ) AS `t9`
            LEFT OUTER JOIN (
              SELECT
                `t6`.`person` AS `_p`,
                `t6`.`ts` AS `_c_ts`,
                `t6`.`seq` AS `_c_seq`
              FROM (
                SELECT
                  `t3`.`unit`,
                  `t3`.`person`,
                  `t3`.`ts`,
                  `t3`.`seq`,
                  `t3`.`label`,
                  `t3`.`event`,
                  `t3`.`channel`,
                  `t3`.`value`,
                  `t3`.`properties`,
                  `t3`.`converts`,
                  ROW_NUMBER() OVER (PARTITION BY `t3`.`person` ORDER BY `t3`.`ts` DESC, `t3`.`seq` DESC) - 1 AS `_rank`
                FROM (
                  SELECT
                    `t0`.`unit`,
                    `t0`.`person`,
                    `t0`.`ts`,
                    `t0`.`seq`,
                    `t0`.`label`,
                    `t0`.`event`,
                    `t0`.`channel`,
                    `t0`.`value`,
                    `t0`.`properties`,
                    `t0`.`label` IN ('order_completed') AS `converts`
                  FROM `journey_events` AS `t0`
                  WHERE
                    `t0`.`label` IS NOT NULL
                    AND `t0`.`person` IS NOT NULL
                    AND `t0`.`label` IN ('order_completed')
                ) AS `t3`
              ) AS `t6`
              WHERE
                `t6`.`_rank` = 0
            ) AS `t10`
              ON `t9`.`person` = `t10`.`_p`
          ) AS `t11`
          WHERE
            `t11`.`lost`
        ) AS `t12`
      ) AS `t14`
      LEFT OUTER JOIN (
        SELECT
          `t0`.`person` AS `_p`,
          `t0`.`ts` AS `_n_ts`,
          `t0`.`seq` AS `_n_seq`,
          `t0`.`label` AS `_n`
        FROM `journey_events` AS `t0`
        WHERE
          `t0`.`label` IS NOT NULL AND `t0`.`person` IS NOT NULL
      ) AS `t4`
        ON `t14`.`person` = `t4`.`_p`
        AND `t14`.`label` <> `t4`.`_n`
        AND (
          (
            `t4`.`_n_ts` > `t14`.`_ts`
          )
          OR (
            (
              `t4`.`_n_ts` = `t14`.`_ts`
            ) AND (
              `t4`.`_n_seq` > `t14`.`_seq`
            )
          )
        )
    ) AS `t15`
  ) AS `t16`
  WHERE
    `t16`.`_rank` = 0
) AS `t17`
GROUP BY
  1,
  2
